"""The card index: authority records for persons and organisations under
every name form, the matcher that tells which forms name one person, and the
extraction that finds them in leaves.

Matching and extraction are pure (no store); the records, their markings and
the registrar's decisions live in the store behind the service layer.
"""
