"""The Merkle tree against RFC 6962's definitions, for every size and index."""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from looseleaf.audit import merkle

LEAVES = st.lists(st.binary(min_size=0, max_size=16), min_size=1, max_size=80).map(
    lambda entries: [merkle.leaf_hash(e) for e in entries]
)


def test_known_vectors() -> None:
    # RFC 6962: the empty tree is SHA-256 of nothing; a leaf is H(0x00 || entry).
    assert merkle.root([]) == hashlib.sha256(b"").digest()
    assert merkle.leaf_hash(b"") == hashlib.sha256(b"\x00").digest()
    a, b, c = (merkle.leaf_hash(x) for x in (b"a", b"b", b"c"))
    assert merkle.root([a, b, c]) == merkle.node_hash(merkle.node_hash(a, b), c)


@settings(max_examples=200)
@given(leaves=LEAVES)
def test_frontier_root_equals_the_tree_root(leaves: list[bytes]) -> None:
    frontier = merkle.Frontier()
    for count, leaf in enumerate(leaves, start=1):
        frontier.append(leaf)
        assert frontier.root() == merkle.root(leaves[:count])
    again = merkle.Frontier.decode(frontier.size, frontier.encode())
    assert again.root() == frontier.root()


@settings(max_examples=200)
@given(leaves=LEAVES, data=st.data())
def test_inclusion_proofs_verify_and_do_not_lie(leaves: list[bytes], data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(leaves) - 1))
    proof = merkle.inclusion_proof(leaves, index)
    top = merkle.root(leaves)
    assert merkle.verify_inclusion(leaves[index], index, len(leaves), proof, top)
    assert not merkle.verify_inclusion(merkle.leaf_hash(b"forged"), index, len(leaves), proof, top)
    if len(leaves) > 1:
        other = (index + 1) % len(leaves)
        if leaves[other] != leaves[index]:
            assert not merkle.verify_inclusion(leaves[index], other, len(leaves), proof, top)


@settings(max_examples=200)
@given(leaves=LEAVES, data=st.data())
def test_consistency_proofs_verify_and_catch_a_rewritten_past(
    leaves: list[bytes], data: st.DataObject
) -> None:
    old = data.draw(st.integers(1, len(leaves)))
    proof = merkle.consistency_proof(leaves, old)
    old_root, new_root = merkle.root(leaves[:old]), merkle.root(leaves)
    assert merkle.verify_consistency(old, len(leaves), old_root, new_root, proof)
    rewritten = [*leaves[: old - 1], merkle.leaf_hash(b"rewritten")]
    if rewritten != leaves[:old]:
        assert not merkle.verify_consistency(
            old, len(leaves), merkle.root(rewritten), new_root, proof
        )
