#!/usr/bin/env python3
"""Parses the two seed plans (shared/seeds, Chinese prose) once into the reference files reporting-service loads as demo
plans: src/main/resources/org/kepu/reporting/plans/*.json. The service never parses prose; rerun this only when a seed
changes, and review the diff.

    python3 reporting-service/plans/parse_plans.py ../shared/seeds
"""
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src/main/resources/org/kepu/reporting/plans"
# The seeds mix in a few traditional forms (OCR); unit names are normalised so that a unit is one name.
TRADITIONAL = str.maketrans({"門": "门", "學": "学"})
CN_NUMBERS = "一二三四五六七八九十"


def paragraphs(text):
    """Joins lines broken by page ends: a line that does not start a section, task or closing part continues."""
    out = []
    for line in (l.strip() for l in text.splitlines()):
        if not line:
            continue
        starts = re.match(r"^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+\s*[.．、])", line)
        if out and not starts and not out[-1].endswith("。") and not out[-1].endswith("）"):
            out[-1] += line
        elif out and not starts and line.startswith(("（责任单位", "（牵头单位")):
            out[-1] += line
        else:
            out.append(line)
    return out


def title_of(body):
    first = re.split(r"[。]", body, maxsplit=1)[0]
    return first.strip()


def units_in(text):
    m = re.search(r"（(责任单位|牵头单位)：([^）]*)）", text)
    if not m:
        return None, [], text
    units = [u.strip().translate(TRADITIONAL) for u in m.group(2).split("、") if u.strip()]
    lead = units[0] if m.group(1) == "牵头单位" else None
    body = (text[:m.start()] + text[m.end():]).rstrip("。 ") + "。"
    for unit in units:
        if lead is None and (unit + "牵头") in text.translate(TRADITIONAL):
            lead = unit
    return lead, units, body


def guangzhou(text):
    plan = {"year": 2021, "issuingBody": "广州市科学技术局", "title": "2021年广州市科普工作计划", "dueOn": "2021-11-30",
            "sections": []}
    in_key_work = False
    for p in paragraphs(text):
        if p.startswith("二、重点工作"):
            in_key_work = True
            continue
        if p.startswith("三、"):
            break
        if not in_key_work:
            continue
        sec = re.match(r"^（([一二三四五六七八九十]+)）(.*)$", p)
        if sec:
            plan["sections"].append({"number": len(plan["sections"]) + 1, "title": sec.group(2).rstrip("。"),
                                     "tasks": []})
            continue
        task = re.match(r"^(\d+)\s*[.．]\s*(.*)$", p)
        if task:
            lead, units, body = units_in(task.group(2))
            plan["sections"][-1]["tasks"].append({"number": int(task.group(1)), "title": title_of(body),
                                                  "text": body, "units": units, "leadUnit": lead})
    return plan


def guangdong(text):
    plan = {"year": 2024, "issuingBody": "广东省科学技术协会", "title": "2024年广东省科协科普工作要点",
            "dueOn": "2024-11-30", "sections": []}
    for p in paragraphs(text):
        sec = re.match(r"^([一二三四五六七八九十]+)、(.*)$", p)
        if sec:
            plan["sections"].append({"number": len(plan["sections"]) + 1, "title": sec.group(2), "tasks": []})
            continue
        task = re.match(r"^(\d+)\s*[.．]\s*(.*)$", p)
        if task and plan["sections"]:
            body = task.group(2)
            # The association leads its own work points; units it names as joint organisers share the task.
            partners = re.findall(r"与(省[^、，。等]+?)(?:等单位)?联合", body)
            partners = [u for part in partners for u in part.split("、")]
            units = ["省科协"] + [u for u in dict.fromkeys(partners) if u != "省科协"]
            plan["sections"][-1]["tasks"].append({"number": int(task.group(1)), "title": title_of(body),
                                                  "text": body, "units": units, "leadUnit": "省科协"})
    return plan


def main(seeds):
    seeds = Path(seeds)
    plans = {"guangzhou-2021.json": guangzhou((seeds / "003_ea3528ead03e530a.txt").read_text()),
             "guangdong-2024.json": guangdong((seeds / "000_afa16ef843c3a102.txt").read_text())}
    OUT.mkdir(parents=True, exist_ok=True)
    for name, plan in plans.items():
        tasks = [t for s in plan["sections"] for t in s["tasks"]]
        print(f"{name}: {len(plan['sections'])} sections, {len(tasks)} tasks, "
              f"{len({u for t in tasks for u in t['units']})} units")
        (OUT / name).write_text(json.dumps(plan, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/seeds")
