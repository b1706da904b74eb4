#!/usr/bin/env python3
"""Copy the matcher corpus (src/test/resources/match/messages.yaml) into the data generator's
message templates (src/main/resources/dwlogs-generate/messages.yaml).

Session and activity IDs written in a notation of conf/dwlogs.yaml become the placeholders
«S» and «A», which the generator fills with the record's own IDs. Entries that cannot be
written into a text log as one record (a continuation line that starts with a timestamp)
and the plain noise entries are left out. Run again after changing the corpus:

    python3 src/test/scripts/curate_generator_messages.py
"""
import os
import re
import yaml

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
SRC = os.path.join(REPO, "src", "test", "resources", "match", "messages.yaml")
DST = os.path.join(REPO, "src", "main", "resources", "dwlogs-generate", "messages.yaml")
GUID = r"\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?"
SESSION = [r"(?i)(\bsession[ _]?id\s*[:=]\s*)" + GUID, r"(?i)(\bsession\s*[:=]\s*)" + GUID]
ACTIVITY = [r"(?i)(\broot[ _]?activity[ _]?id\s*[:=]\s*)" + GUID,
            r"(?i)(\bactivity[ _]?id\s*[:=]\s*)" + GUID,
            r"(?i)(\bactivity\s*[:=]\s*)" + GUID,
            r"(?i)(\bactivity\s+id\s+for\s+troubleshooting\s*)" + GUID]
RECORD_START = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}")


def main():
    with open(SRC, encoding="utf-8") as fh:
        entries = yaml.safe_load(fh)
    out, skipped = [], []
    for e in entries:
        text = e["text"]
        if e["id"].startswith("noise-"):
            continue
        if any(RECORD_START.match(line) for line in text.split("\n")[1:]) or "\r" in text:
            skipped.append(e["id"])
            continue
        for p in SESSION:
            text = re.sub(p, lambda m: m.group(1) + "\u00abS\u00bb", text)
        for p in ACTIVITY:
            text = re.sub(p, lambda m: m.group(1) + "\u00abA\u00bb", text)
        out.append({"id": e["id"], "expect": e["expect"], "text": text})
    with open(DST, "w", encoding="utf-8") as fh:
        fh.write("# Message templates of `dwlogs generate`, copied from src/test/resources/match/messages.yaml\n"
                 "# by src/test/scripts/curate_generator_messages.py (do not edit by hand).\n"
                 "# expect: the catalog entry the text matches, or none. «S» and «A» are the record's\n"
                 "# session and activity IDs, written where the corpus had an ID in a notation.\n")
        yaml.safe_dump(out, fh, allow_unicode=True, sort_keys=False, width=100000, default_style=None)
    print(f"{len(out)} templates written, skipped {skipped}")


if __name__ == "__main__":
    main()
