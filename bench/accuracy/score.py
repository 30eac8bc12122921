#!/usr/bin/env python3
"""Joins the accuracy corpus's assessments (out/) with its labels (labels/) and prints the figures of issue 24.

  score.py table DIR            per repository, per check, per area and overall (DIR is bench/accuracy)
  score.py todo DIR [key ...]   writes todo/<owner>+<name>.tsv, the judges' worklist, from out/
  score.py merge DIR KEY A.tsv B.tsv
                                builds or updates labels/KEY.json from two judges' files (see README.md)
  score.py pending DIR FOLDER   writes FOLDER/<owner>+<name>.tsv: the todo rows that have no settled label, or whose
                                message changed since it was labelled (they are judged again)
  score.py remember DIR         records in every label the message of its finding in out/ where the label has none
                                (run once on the assessments that were labelled)

A label records the message it was given for. When a fix changes the message of a finding (its fingerprint stays),
the label no longer says anything about what is reported: the finding counts as not judged until judges label it
again, and the table says how many such findings there are.

The assessments are read from DIR/out, or from the folder ACCURACY_OUT names (run.sh sets it: out-all with CHECKS=all).
Only the standard library is used. The rules (what is judged, what a line is, how an expected finding is matched)
are written in README.md; keep the two in step.
"""
import csv
import json
import os
import sys
from collections import Counter, defaultdict

LABELS = ("correct", "trivial", "wrong", "unverifiable")
LINE_SLACK = 5  # an expected finding's line matches evidence within [startLine - 5, endLine + 5]


def repos(d):
    rows = []
    with open(os.path.join(d, "repos.tsv"), encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            p = line.rstrip("\n").split("\t")
            rows.append({"repo": p[0], "commit": p[1], "key": p[0].replace("/", "+")})
    return rows


def out_dir(d):
    return os.environ.get("ACCURACY_OUT") or os.path.join(d, "out")


def load_json(path):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def has_line(finding):
    """Located: some evidence names a line of a file, or a commit (the place of a claim about the history)."""
    return any(e.get("startLine") or e.get("commit") for e in finding.get("evidence") or [])


def norm(path):
    return (path or "").replace("\\", "/").lstrip("./").lower()


def satisfies(finding, exp):
    """The automatic rule: same check (or, when the expected finding names none, same area), same path, and the line
    within LINE_SLACK of an evidence's range; an expected finding without a line is satisfied by the path alone."""
    if exp.get("check"):
        if finding["check"] != exp["check"]:
            return False
    elif finding.get("area") != exp.get("area"):
        return False
    want = norm(exp.get("path"))
    line = exp.get("line")
    for e in finding.get("evidence") or []:
        if norm(e.get("path")) != want:
            continue
        if line is None:
            return True
        s, t = e.get("startLine"), e.get("endLine") or e.get("startLine")
        if s and s - LINE_SLACK <= int(line) <= t + LINE_SLACK:
            return True
    return False


class Tally:
    def __init__(self):
        self.c = Counter()
        self.fps = Counter()

    def add_finding(self, f, label):
        self.c["findings"] += 1
        if not has_line(f):
            self.c["noline"] += 1
        if label in LABELS:
            self.c["judged"] += 1
            self.c[label] += 1

    def add_expected(self, matched):
        self.c["expected"] += 1
        if matched:
            self.c["matched"] += 1

    def row(self, name):
        c = self.c
        pct = lambda a, b: f"{100.0 * a / b:5.1f}" if b else "    -"
        return (f"{name[:44]:44} {c['findings']:6} {c['judged']:6} {pct(c['correct'], c['judged'])} "
                f"{pct(c['trivial'], c['judged'])} {pct(c['wrong'], c['judged'])} {pct(c['unverifiable'], c['judged'])} "
                f"{c['expected']:5} {pct(c['correct'] + c['matched'], c['correct'] + c['expected'])} "
                f"{pct(c['noline'], c['findings'])} "
                f"{c['dups']:5}")


HEADER = (f"{'':44} {'finds':>6} {'judged':>6} {'prec%':>5} {'triv%':>5} {'wrong%':>5} {'unver%':>5} "
          f"{'expct':>5} {'recl%':>5} {'noln%':>5} {'dupfp':>5}")


def table(d):
    out = out_dir(d)
    runs = {}
    if os.path.exists(os.path.join(out, "runs.tsv")):
        with open(os.path.join(out, "runs.tsv"), encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                runs[r["repo"]] = r  # the last run of each repository wins
    per_repo, per_check, per_area, total = {}, defaultdict(Tally), defaultdict(Tally), Tally()
    agree = Counter()
    stale, missing, problems, unlabelled, relabel = [], [], [], [], []
    for r in repos(d):
        a = load_json(os.path.join(out, r["key"], "assessment.json"))
        if a is None:
            missing.append(r["repo"])
            continue
        lab = load_json(os.path.join(d, "labels", r["key"] + ".json")) or {}
        if lab and lab.get("commit") and lab["commit"] != r["commit"]:
            print(f"warning: labels/{r['key']}.json is for commit {lab['commit']}, repos.tsv pins {r['commit']}")
        labels = lab.get("findings") or {}
        if not lab:
            unlabelled.append(r["repo"])
        findings = a.get("findings") or []
        t = per_repo[r["repo"]] = Tally()
        counts = Counter(f["fingerprint"] for f in findings)
        dups = sum(n - 1 for n in counts.values() if n > 1)
        t.c["dups"] = dups
        total.c["dups"] += dups
        for fp, n in counts.items():
            if n > 1:
                per_check[next(f["check"] for f in findings if f["fingerprint"] == fp)].c["dups"] += n - 1
        for p in a.get("problems") or []:
            problems.append((r["repo"], p))
        for f in findings:
            lb = label_of(labels, f)
            if changed(labels, f):
                relabel.append((r["repo"], f["fingerprint"]))
            for tally in (t, per_check[f["check"]], per_area[f.get("area") or "?"], total):
                tally.add_finding(f, lb)
        present = {f["fingerprint"] for f in findings}
        stale += [(r["repo"], fp) for fp in labels if fp not in present]
        for fp, v in labels.items():
            j = v.get("judges") or {}
            if j.get("a") in LABELS and j.get("b") in LABELS:
                agree["both"] += 1
                agree["same"] += j["a"] == j["b"]
        by_fp = {f["fingerprint"]: f for f in findings}
        for e in lab.get("expected") or []:
            m = e.get("matchedBy")
            if m:
                hit = by_fp.get(m)
            else:
                hit = next((f for f in findings if satisfies(f, e)
                            and label_of(labels, f) != "wrong"), None)
            check = e.get("check") or (hit["check"] if hit else None)
            for tally in (t, per_area[e.get("area") or "?"], total) + ((per_check[check],) if check else ()):
                tally.add_expected(hit is not None)

    def block(title, tallies):
        print(f"\n{title}\n{HEADER}")
        for k in sorted(tallies):
            print(tallies[k].row(k))

    block("per repository (dupfp: findings sharing a fingerprint with an earlier one)", per_repo)
    block("per check", per_check)
    block("per area", per_area)
    print(f"\n{HEADER}\n{total.row('OVERALL')}")
    print("\nprec% = correct / judged; triv%, wrong%, unver% = share of judged; recl% = (correct + expected matched) / (correct + expected): "
          "the problems a senior engineer raises are the correct findings plus the expected ones the judges listed; "
          "noln% = findings whose evidence names neither a line nor a commit")
    if agree["both"]:
        print(f"judges agree on {agree['same']} of {agree['both']} labels "
              f"({100.0 * agree['same'] / agree['both']:.1f}%; disagreement {100.0 - 100.0 * agree['same'] / agree['both']:.1f}%)")
    if unlabelled:
        print(f"not labelled yet: {len(unlabelled)} repositories ({', '.join(unlabelled)})")
    if stale:
        print(f"labels whose fingerprint the run no longer produces: {len(stale)} (re-judge or drop them)")
    if relabel:
        print(f"findings whose message changed since they were labelled, counted as not judged: {len(relabel)}"
              f" (score.py pending lists them for the judges)")
    if missing:
        print(f"no assessment in out/ for: {', '.join(missing)}")
    by_repo = defaultdict(list)
    for repo, p in problems:
        by_repo[repo].append(p)
    for repo, ps in by_repo.items():
        print(f"problems the plugin reported in {repo}: {len(ps)}, e.g.")
        for p in ps[:3]:
            where = f"{p.get('path')}:{p.get('line')}" if isinstance(p, dict) and p.get("line") else \
                (p.get("path") if isinstance(p, dict) else "")
            msg = p.get("message") if isinstance(p, dict) else p
            print(f"  {where}: {one_line(msg, 160)}")


def label_of(labels, f):
    """The settled label of a finding, or None when it has none or its message changed since it was labelled."""
    entry = labels.get(f["fingerprint"]) or {}
    if entry.get("message") is not None and entry["message"] != one_line(f.get("message")):
        return None
    return entry.get("label")


def changed(labels, f):
    entry = labels.get(f["fingerprint"]) or {}
    return entry.get("label") is not None and label_of(labels, f) is None


def one_line(s, limit=600):
    s = " ".join(str(s or "").split())
    return s if len(s) <= limit else s[:limit - 1] + "…"


def todo_row(x):
    ev = x.get("evidence") or []
    first = ev[0] if ev else {}
    s, t = first.get("startLine"), first.get("endLine")
    line = "" if not s else (str(s) if not t or t == s else f"{s}-{t}")
    others = []
    for e in ev[1:]:
        es, et = e.get("startLine"), e.get("endLine")
        loc = e.get("path") or ""
        if es:
            loc += f":{es}" + (f"-{et}" if et and et != es else "")
        others.append(loc)
    more = "; ".join(others[:12]) + (f"; …{len(others) - 12} more" if len(others) > 12 else "")
    return [x["fingerprint"], x["check"], x.get("area") or "", x.get("severity") or "",
            one_line(first.get("path"), 300), line, one_line(x.get("message")), one_line(more, 1200)]


def todo(d, keys):
    os.makedirs(os.path.join(d, "todo"), exist_ok=True)
    for r in repos(d):
        if keys and r["key"] not in keys and r["repo"] not in keys:
            continue
        a = load_json(os.path.join(out_dir(d), r["key"], "assessment.json"))
        if a is None:
            print(f"todo: no assessment for {r['repo']}")
            continue
        folder = os.path.join(os.environ["ACCURACY_OUT"], "todo") if os.environ.get("ACCURACY_OUT") else os.path.join(d, "todo")
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, r["key"] + ".tsv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
            f.write(f"# {r['repo']} @ {r['commit']} ({len(a.get('findings') or [])} findings)\n")
            w.writerow(["fingerprint", "check", "area", "severity", "path", "line", "message", "other_places"])
            for x in a.get("findings") or []:
                w.writerow(todo_row(x))
        print(f"{path}: {len(a.get('findings') or [])} findings")


def read_judge(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        rows = [l for l in f if not l.startswith("#")]
    for r in csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\"):
        lb = (r.get("label") or "").strip()
        if lb not in LABELS:
            raise SystemExit(f"{path}: fingerprint {r.get('fingerprint')}: label '{lb}' is not one of {LABELS}")
        out[r["fingerprint"]] = {"label": lb, "reason": (r.get("reason") or "").strip(),
                                 "message": one_line(r.get("message")) if r.get("message") is not None else None,
                                 "noLine": (r.get("noLine") or "").strip().lower() in ("yes", "true", "1"),
                                 "check": r.get("check") or None}
    return out


def merge(d, key, a_path, b_path):
    key = key.replace("/", "+")
    path = os.path.join(d, "labels", key + ".json")
    commit = next((r["commit"] for r in repos(d) if r["key"] == key), None)
    lab = load_json(path) or {"repo": key.replace("+", "/", 1), "commit": commit, "findings": {}, "expected": []}
    a, b = read_judge(a_path), read_judge(b_path)
    settled = disputed = 0
    for fp in sorted(set(a) | set(b)):
        ja, jb = a.get(fp), b.get(fp)
        cur = lab["findings"].get(fp, {})
        entry = {"check": (ja or jb)["check"] or cur.get("check"),
                 "judges": {"a": ja["label"] if ja else None, "b": jb["label"] if jb else None},
                 "reasons": {"a": ja["reason"] if ja else None, "b": jb["reason"] if jb else None},
                 "noLine": bool((ja and ja["noLine"]) or (jb and jb["noLine"]))}
        message = (ja or jb)["message"]
        if message is not None:
            entry["message"] = message
        elif cur.get("message") is not None:
            entry["message"] = cur["message"]
        if ja and jb and ja["label"] == jb["label"]:
            entry["label"], entry["reason"] = ja["label"], ja["reason"] or jb["reason"]
            settled += 1
        elif cur.get("message") is not None and entry.get("message") != cur.get("message"):
            entry["label"], entry["reason"] = None, None  # a new message: the old settled label does not hold
            disputed += 1
        else:  # keep a label already settled by re-reading the evidence, else leave it open
            entry["label"], entry["reason"] = cur.get("label"), cur.get("reason")
            disputed += entry["label"] is None
        lab["findings"][fp] = entry
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(lab, f, indent=2, ensure_ascii=False, sort_keys=False)
        f.write("\n")
    print(f"{path}: {settled} agreed, {disputed} to settle (label null)")


def pending(d, folder):
    os.makedirs(folder, exist_ok=True)
    total = 0
    for r in repos(d):
        a = load_json(os.path.join(out_dir(d), r["key"], "assessment.json"))
        if a is None:
            continue
        labels = (load_json(os.path.join(d, "labels", r["key"] + ".json")) or {}).get("findings") or {}
        rows = [x for x in a.get("findings") or [] if label_of(labels, x) is None]
        if not rows:
            continue
        path = os.path.join(folder, r["key"] + ".tsv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
            f.write(f"# {r['repo']} @ {r['commit']} ({len(rows)} findings)\n")
            w.writerow(["fingerprint", "check", "area", "severity", "path", "line", "message", "other_places"])
            for x in rows:
                w.writerow(todo_row(x))
        print(f"{path}: {len(rows)} findings ({sum(changed(labels, x) for x in rows)} changed since labelled)")
        total += len(rows)
    print(f"pending: {total}")


def remember(d):
    for r in repos(d):
        a = load_json(os.path.join(out_dir(d), r["key"], "assessment.json"))
        path = os.path.join(d, "labels", r["key"] + ".json")
        lab = load_json(path)
        if a is None or not lab:
            continue
        n = 0
        for x in a.get("findings") or []:
            entry = lab["findings"].get(x["fingerprint"])
            if entry is not None and entry.get("label") and entry.get("message") is None:
                entry["message"] = one_line(x.get("message"))
                n += 1
        with open(path, "w", encoding="utf-8") as f:
            json.dump(lab, f, indent=2, ensure_ascii=False, sort_keys=False)
            f.write("\n")
        print(f"{path}: {n} messages recorded")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    cmd, d = sys.argv[1], sys.argv[2]
    if cmd == "table":
        table(d)
    elif cmd == "todo":
        todo(d, sys.argv[3:])
    elif cmd == "pending" and len(sys.argv) == 4:
        pending(d, sys.argv[3])
    elif cmd == "remember":
        remember(d)
    elif cmd == "merge" and len(sys.argv) == 6:
        merge(d, *sys.argv[3:])
    else:
        raise SystemExit(__doc__)
