"""Build docNN.json from the hand-annotated sources in this folder.

Source texts mark every labelled span inline as {{surface|record}} (kind
"name") or {{surface|record|kind}} with kind one of dob, addr, id, phone.
The builder strips the markup, computes the occurrence index of every span
with plain non-overlapping substring search, and writes one JSON file per
document into the parent folder.  `python3 build.py --audit` additionally
lists name-like strings of cast members that are not covered by a span, for
manual review.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
sys.path.insert(0, str(HERE))

KINDS = {"dob": "date_of_birth", "addr": "address", "id": "id_number", "phone": "phone"}
MARK = re.compile(r"\{\{(.+?)\}\}", re.S)


def R(key, name, forms, category, born=None, died=None, cover=None):
    return {"key": key, "name": name, "forms": forms, "category": category,
            "born": born, "died": died, "cover_name": cover}


def render(src):
    src = src.strip("\n")
    out, marks, pos, length = [], [], 0, 0
    for m in MARK.finditer(src):
        chunk = src[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        parts = m.group(1).split("|")
        if len(parts) not in (2, 3):
            raise ValueError("bad mark %r" % m.group(0))
        surface, key = parts[0], parts[1]
        kind = KINDS[parts[2]] if len(parts) == 3 else "name"
        marks.append((length, surface, key, kind))
        out.append(surface)
        length += len(surface)
        pos = m.end()
    out.append(src[pos:])
    text = "".join(out).rstrip() + "\n"
    if "{{" in text or "}}" in text:
        raise ValueError("unbalanced markup")
    return text, marks


def occurrence(text, sub, offset):
    i, n = 0, 0
    while True:
        j = text.find(sub, i)
        if j < 0 or j > offset:
            return None
        n += 1
        if j == offset:
            return n
        i = j + len(sub)


def build(doc):
    text, marks = render(doc["text"])
    keys = {r["key"] for r in doc["records"]}
    spans = []
    for off, surface, key, kind in marks:
        if key not in keys:
            raise ValueError("%s: unknown record %s" % (doc["id"], key))
        occ = occurrence(text, surface, off)
        if occ is None:
            raise ValueError("%s: %r at %d not reachable by occurrence rule" % (doc["id"], surface, off))
        spans.append({"text": surface, "occurrence": occ, "kind": kind, "record": key})
    return {"id": doc["id"], "kind": doc["kind"], "text": text,
            "records": doc["records"], "spans": spans}, marks


SPECIAL = {"ł": "l", "Ł": "L", "ß": "s", "ø": "o", "Ø": "O", "đ": "d"}


def fold(s):
    res = []
    for c in s:
        c2 = SPECIAL.get(c)
        if c2 is None:
            d = unicodedata.normalize("NFKD", c)
            d = "".join(x for x in d if not unicodedata.combining(x))
            c2 = d[:1] if d else c
        res.append(c2.lower())
    return "".join(res)


def audit(doc, built, marks):
    text = built["text"]
    ftext = fold(text)
    covered = [False] * len(text)
    for off, surface, _, _ in marks:
        for k in range(off, off + len(surface)):
            covered[k] = True
    for r in doc["records"]:
        names = [r["name"]] + r["forms"] + ([r["cover_name"]] if r["cover_name"] else [])
        stems = set()
        for n in names:
            for tok in re.split(r"[^\w]+", n):
                if len(tok) < 2 or tok.lower() in {"de", "el", "la"}:
                    continue
                t = fold(tok)
                stems.add(t if len(t) <= 4 else t[:max(4, min(len(t) - 2, 7))])
        for st in sorted(stems):
            for m in re.finditer(r"(?<!\w)" + re.escape(st), ftext):
                if not covered[m.start()]:
                    ctx = text[max(0, m.start() - 30):m.end() + 30].replace("\n", " ")
                    print("  %s %-12s %-10s ...%s..." % (doc["id"], r["key"], st, ctx))


def main():
    import docs_a, docs_b, docs_c, docs_d
    docs = docs_a.DOCS + docs_b.DOCS + docs_c.DOCS + docs_d.DOCS
    do_audit = "--audit" in sys.argv
    for doc in docs:
        built, marks = build(doc)
        used = {s["record"] for s in built["spans"]}
        for r in doc["records"]:
            if r["key"] not in used:
                print("WARNING %s: record %s has no span" % (doc["id"], r["key"]))
        n = len(built["text"])
        if not 600 <= n <= 1500:
            print("WARNING %s: length %d" % (doc["id"], n))
        path = OUT / ("%s.json" % doc["id"])
        path.write_text(json.dumps(built, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        if do_audit:
            audit(doc, built, marks)
    print("built %d documents" % len(docs))


if __name__ == "__main__":
    main()
