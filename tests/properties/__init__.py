"""Property tests for every parser a user types into (issue 14): whatever is
typed, the answer is a value or the project's one-line `BadInput` naming
what was typed, never another exception."""
