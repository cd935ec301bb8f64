#!/usr/bin/env python3
"""Helpers of bench/run.sh.

    summarize.py get INPUTS_JSON KEY[.KEY...]        print one value of inputs.json
    summarize.py preflight RESULTS NAME               check one run under /usr/bin/time -v
    summarize.py summary RESULTS INPUTS_JSON SIZES    print the summary table
"""

import collections
import json
import math
import os
import re
import sys


def fail(msg):
    print(f"error: {msg}", file=sys.stderr)
    sys.exit(1)


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def gnu_time(results, name):
    """(exit status or None, peak RSS in KiB or None, wall seconds or None, signal or None)."""
    text = read(os.path.join(results, f"rss-{name}.txt"))
    status = re.search(r"Exit status: (\d+)", text)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", text)
    signal = re.search(r"Command terminated by signal (\d+)", text)
    seconds = None
    if wall:
        seconds = 0.0
        for part in wall.group(1).split(":"):
            seconds = seconds * 60 + float(part)
    return (
        int(status.group(1)) if status else None,
        int(rss.group(1)) if rss else None,
        seconds,
        int(signal.group(1)) if signal else None,
    )


def tail(path, n=15):
    lines = read(path).splitlines()
    return "\n".join("    " + line for line in lines[-n:])


def preflight(results, name):
    status, rss, wall, signal = gnu_time(results, name)
    stderr = os.path.join(results, f"out-{name}.stderr")
    stdout = os.path.join(results, f"out-{name}.stdout")
    if signal is not None or status is None:
        fail(f"{name}: monctl was killed (signal {signal}):\n{tail(stderr)}")
    if name.startswith("generate-"):
        if status != 0:
            fail(
                f"{name}: monctl generate exited {status} (0 expected: the spec's lint errors are "
                f"set to warnings, so only load errors or an I/O failure stop it):\n{tail(stderr)}"
            )
        print(f"{name}: exit 0, peak RSS {rss / 1024:.0f} MiB, {wall:.2f} s", file=sys.stderr)
        return
    if status == 2 and re.search(r"monctl reads at most \d+ bytes|monctl reads at most that much", read(stderr)):
        # The CLI refuses a spec over the input limit before loading it (exit 2, not S002).
        msg = read(stderr).strip().splitlines()[-1].removeprefix("error: ")
        with open(os.path.join(results, f"refused-{name}"), "w", encoding="utf-8") as f:
            f.write(f"{msg} (exit 2)\n")
        with open(os.path.join(results, f"diag-{name}.txt"), "w", encoding="utf-8") as f:
            f.write("exit 2, refused by the CLI: input limit\n")
        print(f"  WARNING: monctl refuses this input (input limit): {msg}", file=sys.stderr)
        return
    if status not in (0, 1):
        fail(f"{name}: monctl check exited {status} (usage or I/O failure):\n{tail(stderr)}")
    try:
        diagnostics = json.loads(read(stdout))
    except ValueError as e:
        fail(f"{name}: monctl check --format json printed no JSON ({e}):\n{tail(stderr)}")
    counts = collections.Counter((d["code"], d["severity"]) for d in diagnostics)
    load_errors = [d for d in diagnostics if d["code"].startswith("S") and d["severity"] == "error"]
    summary = ", ".join(f"{c} {s} {k}" for (c, s), k in sorted(counts.items()))
    print(
        f"{name}: exit {status}, {len(diagnostics)} diagnostics ({summary or 'none'}), "
        f"peak RSS {rss / 1024:.0f} MiB, {wall:.2f} s",
        file=sys.stderr,
    )
    with open(os.path.join(results, f"diag-{name}.txt"), "w", encoding="utf-8") as f:
        f.write(f"exit {status}, {len(diagnostics)} diagnostics: {summary or 'none'}\n")
    if load_errors and all(d["code"] == "S002" for d in load_errors):
        msg = "; ".join(sorted({d["message"] for d in load_errors}))
        with open(os.path.join(results, f"refused-{name}"), "w", encoding="utf-8") as f:
            f.write(msg + "\n")
        print(f"  WARNING: monctl refuses this input (S002 input limit): {msg}", file=sys.stderr)
    elif load_errors:
        by_code = collections.Counter(d["code"] for d in load_errors)
        first = "\n".join(
            f"    {d['code']} {d.get('file')}:{d.get('line')}: {d['message']}" for d in load_errors[:10]
        )
        fail(
            f"{name}: {len(load_errors)} load errors in monctl ({dict(by_code)}); these rules do not "
            f"load, so the timing would not measure a full check. First ones:\n{first}"
        )


def fmt_s(seconds):
    if seconds is None:
        return "-"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    return f"{seconds * 1000:.0f} ms"


def fmt_mem(kib):
    return "-" if kib is None else f"{kib / 1024:.0f} MiB"


def fit(points):
    """Least squares of ln t = ln a + b ln n: (b, a, r^2)."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    k = len(xs)
    mx, my = sum(xs) / k, sum(ys) / k
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    syy = sum((y - my) ** 2 for y in ys)
    b = sxy / sxx
    a = math.exp(my - b * mx)
    r2 = (sxy * sxy) / (sxx * syy) if syy > 0 else 1.0
    return b, a, r2


def summary(results, inputs_path, sizes):
    with open(inputs_path, encoding="utf-8") as f:
        inputs = json.load(f)
    sizes = [int(s) for s in sizes.split(",") if s]
    problems = []
    rows = []

    def hf(name, label, rules, monctl_ok):
        path = os.path.join(results, f"hf-{name}.json")
        if not os.path.exists(path):
            return None
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        m, p = data["results"]
        for r, ok, who in ((m, monctl_ok, "monctl"), (p, (0, 1), "promtool")):
            bad = sorted({c for c in r.get("exit_codes", []) if c not in ok})
            if bad:
                problems.append(f"{label}: {who} exited {bad} (expected {list(ok)})")
        row = {
            "name": name,
            "label": label,
            "rules": rules,
            "monctl": m,
            "promtool": p,
            "ratio": p["mean"] / m["mean"],
            "cpu_monctl": m["user"] + m["system"],
            "cpu_promtool": p["user"] + p["system"],
        }
        row["cpu_ratio"] = row["cpu_promtool"] / row["cpu_monctl"] if row["cpu_monctl"] else float("nan")
        rows.append(row)
        return row

    copies = inputs["copies"]
    aw, lg = inputs["awesome"]["rules"], inputs["large"]["rules"]
    hf("check-awesome", f"check awesome x{copies}", aw, (0, 1))
    hf("generate-awesome", f"generate awesome x{copies}", aw, (0,))
    hf("check-large", "check rules_large", lg, (0, 1))
    hf("generate-large", "generate rules_large", lg, (0,))
    scale = []
    for n in sizes:
        row = hf(f"check-scale-{n}", f"check scale {n}", n, (0, 1))
        if row:
            scale.append(row)

    meta = os.path.join(results, "meta.txt")
    if os.path.exists(meta):
        print(read(meta).rstrip())
    print()
    print("wall time: mean ± sd of the timed runs; ratio = promtool / monctl (> 1: monctl faster)")
    print("cpu: user + sys, mean per run; the promtool column of a generate row is promtool check rules")
    print("     on the same rules (promtool has no generator); exit: distinct exit codes seen")
    print()
    header = (
        f"{'input':<26} {'rules':>6} {'monctl':>18} {'promtool':>18} {'ratio':>7} "
        f"{'monctl cpu':>11} {'promtool cpu':>12} {'cpu ratio':>9} {'exit m/p':>9}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        m, p = r["monctl"], r["promtool"]
        exits = "{}/{}".format(
            ",".join(str(c) for c in sorted(set(m.get("exit_codes", [])))),
            ",".join(str(c) for c in sorted(set(p.get("exit_codes", [])))),
        )
        print(
            f"{r['label']:<26} {r['rules']:>6} "
            f"{fmt_s(m['mean']) + ' ± ' + fmt_s(m['stddev']):>18} "
            f"{fmt_s(p['mean']) + ' ± ' + fmt_s(p['stddev']):>18} "
            f"{r['ratio']:>7.2f} {fmt_s(r['cpu_monctl']):>11} {fmt_s(r['cpu_promtool']):>12} "
            f"{r['cpu_ratio']:>9.2f} {exits:>9}"
        )

    refused = sorted(f[len("refused-"):] for f in os.listdir(results) if f.startswith("refused-"))
    for name in refused:
        label = name.replace("-", " ", 1).replace("scale-", "scale ")
        print(f"{label:<26} refused by monctl, not timed: {read(os.path.join(results, 'refused-' + name)).strip()}")

    print()
    print("monctl check findings (one run with --format json; lint errors set to warning by lint.yml):")
    for n in ["awesome", "large"] + [f"scale-{n}" for n in sizes]:
        f = os.path.join(results, f"diag-check-{n}.txt")
        if os.path.exists(f):
            print(f"  {n:<14} {read(f).strip()}")

    print()
    if len(scale) >= 2:
        pts = [(r["rules"], r["monctl"]["mean"]) for r in scale]
        b, a, r2 = fit(pts)
        bc, _, _ = fit([(r["rules"], r["cpu_monctl"]) for r in scale])
        bp, _, _ = fit([(r["rules"], r["promtool"]["mean"]) for r in scale])
        ns = ", ".join(str(r["rules"]) for r in scale)
        print(f"scaling of monctl check over n = {ns} rules: t = a·n^b")
        print(f"  monctl   b = {b:.3f} (wall, r² = {r2:.4f}), {bc:.3f} (cpu); a·10000^b = {fmt_s(a * 10000 ** b)}")
        print(f"  promtool b = {bp:.3f} (wall)   (linear ≈ 1.0)")
        per_rule = [r["cpu_monctl"] / r["rules"] * 1000 for r in scale]
        print("  monctl cpu per rule: " + ", ".join(f"{n}: {v:.2f} ms" for n, v in zip(
            [r["rules"] for r in scale], per_rule)))
    else:
        print("scaling: fewer than 2 timed sizes, no fit")

    print()
    print("peak memory (maximum resident set size, one run under /usr/bin/time -v):")
    names = ["awesome", "large"] + [f"scale-{n}" for n in sizes]
    labels = {"awesome": f"awesome x{copies}", "large": "rules_large"}
    print(f"  {'input':<22} {'monctl check':>13} {'monctl generate':>16} {'promtool':>10}")
    for n in names:
        cells = []
        for run in (f"check-{n}", f"generate-{n}", f"promtool-{n}"):
            present = os.path.exists(os.path.join(results, f"rss-{run}.txt"))
            cells.append(fmt_mem(gnu_time(results, run)[1]) if present else "-")
        label = labels.get(n, n)
        if os.path.exists(os.path.join(results, f"refused-check-{n}")):
            label += " (refused)"
        print(f"  {label:<22} {cells[0]:>13} {cells[1]:>16} {cells[2]:>10}")

    print()
    losing = [r for r in rows if r["ratio"] < 1]
    if losing:
        print("monctl is slower than promtool on:")
        for r in sorted(losing, key=lambda r: r["ratio"]):
            print(f"  {r['label']}: {1 / r['ratio']:.1f}x slower (wall), {1 / r['cpu_ratio']:.1f}x more cpu")
    elif rows:
        print("monctl is at least as fast as promtool on every timed input")

    with open(os.path.join(results, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(
            [
                {k: v for k, v in r.items() if k not in ("monctl", "promtool")}
                | {"monctl_mean": r["monctl"]["mean"], "promtool_mean": r["promtool"]["mean"]}
                for r in rows
            ],
            f,
            indent=2,
        )
    if problems:
        print()
        for p in problems:
            print(f"error: {p}")
        sys.exit(1)


def main():
    if len(sys.argv) < 2:
        fail(__doc__)
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "get" and len(args) == 2:
        with open(args[0], encoding="utf-8") as f:
            value = json.load(f)
        for key in args[1].split("."):
            value = value[int(key)] if isinstance(value, list) else value[key]
        print(value)
    elif cmd == "preflight" and len(args) == 2:
        preflight(*args)
    elif cmd == "summary" and len(args) == 3:
        summary(*args)
    else:
        fail(__doc__)


if __name__ == "__main__":
    main()
