"""A Merkle tree over the event log, as Certificate Transparency builds one
(RFC 6962 §2.1): leaves and nodes hashed with distinct prefixes, inclusion
proofs for one entry, consistency proofs between two tree sizes.

The log only grows, so a checkpoint keeps the tree's right edge (the roots
of its perfect subtrees, largest first); the next checkpoint folds new
entries into that edge instead of rehashing the whole log.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(entry: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def _split(n: int) -> int:
    """The largest power of two smaller than n (n > 1)."""
    return 1 << ((n - 1).bit_length() - 1)


def root(leaves: Sequence[bytes]) -> bytes:
    """MTH(D[n]) of RFC 6962 over leaf hashes."""
    if not leaves:
        return EMPTY_ROOT
    return _root(leaves, 0, len(leaves))


def _root(leaves: Sequence[bytes], lo: int, hi: int) -> bytes:
    if hi - lo == 1:
        return leaves[lo]
    k = _split(hi - lo)
    return node_hash(_root(leaves, lo, lo + k), _root(leaves, lo + k, hi))


class Frontier:
    """The right edge of a tree of `size` leaves: one subtree root per set bit
    of `size`, largest first. Appending is amortised O(1) hashes per leaf."""

    def __init__(self, size: int = 0, edge: Sequence[bytes] = ()) -> None:
        if len(edge) != bin(size).count("1"):
            raise ValueError("frontier does not match its size")
        self.size = size
        self.edge = list(edge)

    def append(self, leaf: bytes) -> None:
        node = leaf
        size = self.size
        while size & 1:
            node = node_hash(self.edge.pop(), node)
            size >>= 1
        self.edge.append(node)
        self.size += 1

    def extend(self, leaves: Iterable[bytes]) -> None:
        for leaf in leaves:
            self.append(leaf)

    def root(self) -> bytes:
        if not self.edge:
            return EMPTY_ROOT
        node = self.edge[-1]
        for left in reversed(self.edge[:-1]):
            node = node_hash(left, node)
        return node

    def encode(self) -> str:
        return ",".join(h.hex() for h in self.edge)

    @classmethod
    def decode(cls, size: int, text: str) -> Frontier:
        return cls(size, [bytes.fromhex(h) for h in text.split(",") if h])


def inclusion_proof(leaves: Sequence[bytes], index: int) -> list[bytes]:
    """PATH(m, D[n]) of RFC 6962 §2.1.1."""
    if not 0 <= index < len(leaves):
        raise ValueError("index outside the tree")
    return _path(index, leaves, 0, len(leaves))


def _path(m: int, leaves: Sequence[bytes], lo: int, hi: int) -> list[bytes]:
    n = hi - lo
    if n == 1:
        return []
    k = _split(n)
    if m < k:
        return [*_path(m, leaves, lo, lo + k), _root(leaves, lo + k, hi)]
    return [*_path(m - k, leaves, lo + k, hi), _root(leaves, lo, lo + k)]


def verify_inclusion(
    leaf: bytes, index: int, size: int, proof: Sequence[bytes], expected_root: bytes
) -> bool:
    """RFC 9162 §2.1.3.2, the iterative check of an inclusion proof."""
    if not 0 <= index < size:
        return False
    fn, sn, node = index, size - 1, leaf
    for sibling in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            node = node_hash(sibling, node)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            node = node_hash(node, sibling)
        fn >>= 1
        sn >>= 1
    return sn == 0 and node == expected_root


def consistency_proof(leaves: Sequence[bytes], old_size: int) -> list[bytes]:
    """PROOF(m, D[n]) of RFC 6962 §2.1.2: the tree of `old_size` leaves is a prefix."""
    if not 0 < old_size <= len(leaves):
        raise ValueError("old size outside the tree")
    return _subproof(old_size, leaves, 0, len(leaves), complete=True)


def _subproof(m: int, leaves: Sequence[bytes], lo: int, hi: int, *, complete: bool) -> list[bytes]:
    n = hi - lo
    if m == n:
        return [] if complete else [_root(leaves, lo, hi)]
    k = _split(n)
    if m <= k:
        return [*_subproof(m, leaves, lo, lo + k, complete=complete), _root(leaves, lo + k, hi)]
    return [*_subproof(m - k, leaves, lo + k, hi, complete=False), _root(leaves, lo, lo + k)]


def verify_consistency(
    old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> bool:
    """RFC 9162 §2.1.4.2: does the new tree extend the old one?"""
    if old_size == new_size:
        return old_root == new_root and not proof
    if not 0 < old_size < new_size:
        return False
    path = list(proof)
    if old_size & (old_size - 1) == 0:  # a power of two: the old root starts the path
        path.insert(0, old_root)
    if not path:
        return False
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for node in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(node, fr)
            sr = node_hash(node, sr)
            while fn and not fn & 1:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, node)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == old_root and sr == new_root
