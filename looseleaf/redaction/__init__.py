"""The redaction layer (BRIEF.md §4, §6): inside a leaf, what a reader's class
may not see of other people, after the Stasi Records Act's practice.

Pure logic over plain values: which spans of a leaf identify a person
(`suggest`), which of them a class masks given what the card index says of
each record (`rules`), and the masked text itself (`spans`). The facade
(`registry/redaction.py`) keeps the signed-off spans and the layers they
make; nothing here reads the store.
"""
