#!/usr/bin/env python3
"""Writes the partner bench's pushes: EVENTS events in batches of SIZE as JSON files (batch-00000.json …), spread over
Guangdong's counties and 2031, each with a title carrying its external id. Usage: batches.py EVENTS SIZE DIR PLACES"""
import csv
import json
import random
import sys
from pathlib import Path

events, size, out, places = int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
counties = [row["code"] for row in csv.DictReader(open(places))]
out.mkdir(parents=True, exist_ok=True)
random.seed(24)
types = ["LECTURE", "EXHIBITION", "TRAINING", "SCIENCE_DAY", "CARAVAN_VISIT"]
for b in range(0, events, size):
    items = []
    for i in range(b, min(events, b + size)):
        day = 1 + i % 365
        month, dom = 1 + (day - 1) // 31 % 12, 1 + (day - 1) % 28
        items.append({"externalId": f"bench-{i:06d}", "state": "PUBLISHED", "event": {
            "titleZh": f"伙伴推送压测活动 bench-{i:06d}", "type": random.choice(types),
            "descriptionZh": "科普中国e站推送的基层科普活动，面向社区居民开展防灾减灾与健康知识讲座。",
            "startsAt": f"2031-{month:02d}-{dom:02d}T09:00:00+08:00",
            "endsAt": f"2031-{month:02d}-{dom:02d}T11:00:00+08:00",
            "divisionCode": random.choice(counties), "themes": ["HEALTH"], "audiences": ["PUBLIC"]}})
    (out / f"batch-{b // size:05d}.json").write_text(json.dumps({"items": items}, ensure_ascii=False))
