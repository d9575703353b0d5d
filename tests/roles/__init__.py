"""The differential leak test for every role (issue 13): random registries
that differ only in what one account may not see, asked every question the
API, the reading room and the CLI can be asked, must answer that account
the same."""
