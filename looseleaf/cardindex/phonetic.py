"""Daitch–Mokotoff soundex: the phonetic code made for Slavic and Yiddish
surnames, where Soundex fails (it keeps the first letter, so Jeschow and
Yezhov, Chruschtschow and Khrushchev never meet).

Each name gets one or more six-digit codes; two names sound alike when they
share a code. Letters with two readings (CH as in German Bach or English
church, C, CK, J, RS/RZ) produce one code per reading. The rule table is the
published one (Gary Mokotoff, 1985), kept as data below; no maintained
package on the index implements it.
"""

from __future__ import annotations

import itertools
import unicodedata
from functools import lru_cache

# pattern  at-start  before-a-vowel  elsewhere ; "|" separates alternatives,
# "-" means not coded. Longest patterns are tried first.
_RULES_TEXT = """
schtsch 2 4 4
schtsh 2 4 4
schtch 2 4 4
shtch 2 4 4
shtsh 2 4 4
stsch 2 4 4
ttsch 4 4 4
zhdzh 2 4 4
shch 2 4 4
scht 2 43 43
schd 2 43 43
stch 2 4 4
strz 2 4 4
strs 2 4 4
stsh 2 4 4
szcz 2 4 4
szcs 2 4 4
ttsz 4 4 4
tsch 4 4 4
zdzh 2 4 4
zsch 4 4 4
chs 5 54 54
csz 4 4 4
czs 4 4 4
drz 4 4 4
drs 4 4 4
dsh 4 4 4
dsz 4 4 4
dzh 4 4 4
dzs 4 4 4
sch 4 4 4
sht 2 43 43
szt 2 43 43
shd 2 43 43
szd 2 43 43
tch 4 4 4
trz 4 4 4
trs 4 4 4
tsh 4 4 4
tts 4 4 4
ttz 4 4 4
tzs 4 4 4
tsz 4 4 4
zdz 2 4 4
zhd 2 43 43
zsh 4 4 4
ai 0 1 -
aj 0 1 -
ay 0 1 -
au 0 7 -
ch 5|4 5|4 5|4
ck 5|45 5|45 5|45
cz 4 4 4
cs 4 4 4
ds 4 4 4
dz 4 4 4
dt 3 3 3
ei 0 1 -
ej 0 1 -
ey 0 1 -
eu 1 1 -
fb 7 7 7
ia 1 - -
ie 1 - -
io 1 - -
iu 1 - -
ks 5 54 54
kh 5 5 5
mn - 66 66
nm - 66 66
oi 0 1 -
oj 0 1 -
oy 0 1 -
pf 7 7 7
ph 7 7 7
rz 94|4 94|4 94|4
rs 94|4 94|4 94|4
sc 2 4 4
sd 2 43 43
sh 4 4 4
st 2 43 43
sz 4 4 4
tc 4 4 4
th 3 3 3
ts 4 4 4
tz 4 4 4
ui 0 1 -
uj 0 1 -
uy 0 1 -
ue 0 - -
zd 2 43 43
zh 4 4 4
zs 4 4 4
a 0 - -
b 7 7 7
c 5|4 5|4 5|4
d 3 3 3
e 0 - -
f 7 7 7
g 5 5 5
h 5 5 -
i 0 - -
j 1|4 1|4 1|4
k 5 5 5
l 8 8 8
m 6 6 6
n 6 6 6
o 0 - -
p 7 7 7
q 5 5 5
r 9 9 9
s 4 4 4
t 3 3 3
u 0 - -
v 7 7 7
w 7 7 7
x 5 54 54
y 1 - -
z 4 4 4
"""

_VOWELS = set("aeiouy")


def _parse() -> list[tuple[str, tuple[tuple[str, ...], ...]]]:
    rules = []
    for line in _RULES_TEXT.strip().splitlines():
        pattern, *codes = line.split()
        options = tuple(
            tuple("" if alt == "-" else alt for alt in code.split("|")) for code in codes
        )
        rules.append((pattern, options))
    return sorted(rules, key=lambda rule: -len(rule[0]))


_RULES = _parse()


def _letters(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold().replace("ł", "l"))
    return "".join(c for c in decomposed if "a" <= c <= "z")


@lru_cache(maxsize=65536)
def daitch_mokotoff(name: str) -> frozenset[str]:
    """Every Daitch–Mokotoff code of `name` (a single word: a surname)."""
    letters = _letters(name)
    if not letters:
        return frozenset()
    # Each step is the list of alternative codes for one matched pattern.
    steps: list[tuple[tuple[str, ...], bool]] = []
    index = 0
    while index < len(letters):
        for pattern, options in _RULES:
            if letters.startswith(pattern, index):
                after = index + len(pattern)
                vowel_next = after < len(letters) and letters[after] in _VOWELS
                column = 0 if index == 0 else 1 if vowel_next else 2
                steps.append((options[column], pattern[0] in _VOWELS))
                index = after
                break
        else:
            index += 1
    codes = set()
    for choice in itertools.product(*(alternatives for alternatives, _ in steps)):
        digits: list[str] = []
        last = ""
        for code, (_, vowel) in zip(choice, steps, strict=True):
            if code and code != last:
                digits.append(code)
            # A coded vowel still separates two equal consonant codes.
            last = code if code or not vowel else ""
        codes.add(("".join(digits) + "000000")[:6])
    return frozenset(codes)
