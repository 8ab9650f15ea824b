#!/usr/bin/env python3
"""Check every NAME.json in this folder against its NAME.txt and GUIDELINES.md forms.

    python3 tests/eval/validate.py [folder]
"""
import json, os, re, sys

VALUE = re.compile(r"^(\d{4}|\d{4}-\d{2}|\d{4}-\d{2}-\d{2}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\d{4}-W\d{2}"
                   r"|\d{4}-W\d{2}-WE|\d{4}-(SP|SU|FA|WI)|\d{4}-Q[1-4]|\d{4}-H[12]|\d{3}|\d{2}"
                   r"|\d{4}-\d{2}-\d{2}T(MO|AF|EV|NI)|PAST_REF|PRESENT_REF|FUTURE_REF)$")
KINDS = {"direct", "indirect", "mixed", "embed"}

def check(folder):
    bad = 0
    names = sorted(f[:-5] for f in os.listdir(folder) if f.endswith(".json"))
    for n in names:
        err = []
        text = open(os.path.join(folder, n + ".txt"), encoding="utf-8").read()
        g = json.load(open(os.path.join(folder, n + ".json"), encoding="utf-8"))
        if g.get("id") != n: err.append("id %r" % g.get("id"))
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", g.get("doc_date", "")): err.append("doc_date")
        if g.get("lang") not in ("nl-NL", "nl-BE"): err.append("lang")
        for q in g["quotes"]:
            if text[q["start"]:q["end"]] != q["text"]: err.append("quote text %r" % q["text"][:40])
            if q["kind"] not in KINDS: err.append("kind %r" % q["kind"])
            if (q["cue"] is None) != (q["kind"] == "embed") and q["kind"] == "embed": err.append("embed cue")
            for k in ("speaker", "mention", "cue"):
                if k not in q: err.append("quote lacks " + k)
        spk = [s["name"] for s in g["speakers"]]
        if len(spk) != len(set(spk)): err.append("duplicate speaker")
        if {q["speaker"] for q in g["quotes"] if q["speaker"]} != set(spk): err.append("speakers differ from quotes")
        for s in g["speakers"]:
            if s.get("gender") not in ("m", "f", None): err.append("gender of " + s["name"])
            if not isinstance(s.get("aliases"), list): err.append("aliases of " + s["name"])
        for d in g["dates"]:
            if text[d["start"]:d["end"]] != d["text"]: err.append("date text %r" % d["text"])
            if not VALUE.match(d["value"]): err.append("date value %r" % d["value"])
        print("%-42s %s" % (n, "ok" if not err else "; ".join(err)))
        bad += bool(err)
    return bad

if __name__ == "__main__":
    sys.exit(1 if check(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))) else 0)
