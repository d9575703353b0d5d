"""The audit log: every event in order, a Merkle tree over them, signed
checkpoints, proofs, verification, the questions auditors ask, and the
curiosity alarm."""
