"""Custody: what a custodian does with the registry's leaves: slips and the
leaves they propose, grants, numbered copies under receipt, working files."""
