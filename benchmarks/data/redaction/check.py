#!/usr/bin/env python3
"""Validate the labelled redaction data set (docNN.json in this folder).

Standard library only.  Exit status 0 if every check passes, 1 otherwise.
"""
import datetime
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
CATEGORIES = {"subject", "third_party", "staff", "informer", "beneficiary", "public_figure"}
KINDS = {"name", "date_of_birth", "address", "id_number", "phone"}
DOC_FIELDS = {"id": str, "kind": str, "text": str, "records": list, "spans": list}
RECORD_FIELDS = ("key", "name", "forms", "category", "born", "died", "cover_name")
SPAN_FIELDS = {"text": str, "occurrence": int, "kind": str, "record": str}


def offset_of(text, sub, occurrence):
    """Start offset of the occurrence-th non-overlapping match, or None."""
    i, n = 0, 0
    while True:
        j = text.find(sub, i)
        if j < 0:
            return None
        n += 1
        if n == occurrence:
            return j
        i = j + len(sub)


def iso_or_null(v):
    if v is None:
        return True
    if not isinstance(v, str):
        return False
    try:
        datetime.date.fromisoformat(v)
        return True
    except ValueError:
        return False


def check_doc(path, errors):
    def err(msg):
        errors.append("%s: %s" % (path.name, msg))

    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as e:
        err("invalid JSON: %s" % e)
        return None
    if not isinstance(doc, dict):
        err("top level is not an object")
        return None
    for f, t in DOC_FIELDS.items():
        if f not in doc:
            err("missing field %r" % f)
            return None
        if not isinstance(doc[f], t):
            err("field %r is not %s" % (f, t.__name__))
            return None
    if doc["id"] != path.stem:
        err("id %r does not match file name" % doc["id"])
    text = doc["text"]
    if not 600 <= len(text) <= 1500:
        err("text length %d outside 600-1500" % len(text))

    keys = {}
    for i, r in enumerate(doc["records"]):
        if not isinstance(r, dict):
            err("record %d is not an object" % i)
            continue
        missing = [f for f in RECORD_FIELDS if f not in r]
        if missing:
            err("record %d lacks %s" % (i, ", ".join(missing)))
            continue
        if not isinstance(r["key"], str) or not r["key"]:
            err("record %d has a bad key" % i)
            continue
        if r["key"] in keys:
            err("duplicate record key %r" % r["key"])
        keys[r["key"]] = r
        if not isinstance(r["name"], str) or not r["name"].strip():
            err("record %s: empty name" % r["key"])
        if not isinstance(r["forms"], list) or not all(isinstance(x, str) for x in r["forms"]):
            err("record %s: forms must be a list of strings" % r["key"])
        elif len(r["forms"]) > 2:
            err("record %s: more than 2 forms" % r["key"])
        if r["category"] not in CATEGORIES:
            err("record %s: unknown category %r" % (r["key"], r["category"]))
        for f in ("born", "died"):
            if not iso_or_null(r[f]):
                err("record %s: %s is not an ISO date or null" % (r["key"], f))
        if r["cover_name"] is not None and not isinstance(r["cover_name"], str):
            err("record %s: cover_name must be a string or null" % r["key"])
    if not 3 <= len(keys) <= 8:
        err("cast of %d persons (expected 3-8)" % len(keys))
    if not any(r["category"] == "third_party" for r in keys.values()):
        err("no third_party in the cast")

    intervals = []
    used = Counter()
    for i, s in enumerate(doc["spans"]):
        if not isinstance(s, dict):
            err("span %d is not an object" % i)
            continue
        bad = [f for f, t in SPAN_FIELDS.items() if not isinstance(s.get(f), t) or isinstance(s.get(f), bool)]
        if bad:
            err("span %d: bad or missing %s" % (i, ", ".join(bad)))
            continue
        if s["kind"] not in KINDS:
            err("span %d: unknown kind %r" % (i, s["kind"]))
        if s["record"] not in keys:
            err("span %d: unknown record %r" % (i, s["record"]))
        if not s["text"]:
            err("span %d: empty text" % i)
            continue
        if s["occurrence"] < 1:
            err("span %d: occurrence < 1" % i)
            continue
        start = offset_of(text, s["text"], s["occurrence"])
        if start is None:
            err("span %d: %r occurs fewer than %d times" % (i, s["text"], s["occurrence"]))
            continue
        if s["text"] != s["text"].strip() or re.search(r"'s$|[.,;:]$", s["text"]) and s["kind"] == "name" and not re.search(r"\b\w\.$", s["text"]):
            err("span %d: %r has surrounding whitespace or trailing punctuation" % (i, s["text"]))
        intervals.append((start, start + len(s["text"]), i, s["text"]))
        used[s["record"]] += 1
    intervals.sort()
    for (a0, a1, ai, at), (b0, b1, bi, bt) in zip(intervals, intervals[1:]):
        if b0 < a1:
            err("spans %d %r and %d %r overlap" % (ai, at, bi, bt))
    seen = set()
    for a0, a1, ai, at in intervals:
        if (a0, a1) in seen:
            err("span %d %r duplicated" % (ai, at))
        seen.add((a0, a1))
    for k, r in keys.items():
        if used[k] == 0:
            err("record %s has no span" % k)
        cn = r.get("cover_name")
        if cn and not any(s.get("text") == cn and s.get("record") == k and s.get("kind") == "name"
                          for s in doc["spans"] if isinstance(s, dict)):
            err("record %s: cover name %r is not labelled" % (k, cn))
    return doc


def main():
    paths = sorted(HERE.glob("doc[0-9][0-9].json"))
    errors = []
    docs = [d for d in (check_doc(p, errors) for p in paths) if d is not None]
    expected = ["doc%02d" % i for i in range(1, 41)]
    missing = sorted(set(expected) - {p.stem for p in paths})
    if missing:
        errors.append("missing documents: %s" % ", ".join(missing))

    kinds = Counter(s["kind"] for d in docs for s in d["spans"] if isinstance(s, dict) and "kind" in s)
    cats = Counter(r["category"] for d in docs for r in d["records"] if isinstance(r, dict) and "category" in r)
    print("documents: %d" % len(docs))
    print("characters: %d (min %d, max %d)" % (sum(len(d["text"]) for d in docs),
                                                min(len(d["text"]) for d in docs),
                                                max(len(d["text"]) for d in docs)))
    print("spans: %d" % sum(kinds.values()))
    for k in sorted(KINDS):
        print("  %-14s %4d" % (k, kinds[k]))
    print("records: %d" % sum(cats.values()))
    for c in sorted(CATEGORIES):
        print("  %-14s %4d" % (c, cats[c]))
    if errors:
        print("\n%d problem(s):" % len(errors))
        for e in errors:
            print("  " + e)
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
