#!/usr/bin/env python3
"""Builds livecue's emoji pages from the npm package emoji-datasource-twitter.

    npm pack emoji-datasource-twitter@16.0.0 && tar xzf emoji-datasource-twitter-16.0.0.tgz
    pip install Pillow
    python3 make_pack.py package/ .

The package's 256-colour sheet (img/twitter/sheets-256/64.png) holds every Twemoji at
64x64 with one shared palette; cut into pages of 16x16 emoji it packs to a few MB, where
the 3,786 separate PNGs take over 10 MB. livecue decodes one page when an emoji on it is
first drawn. Emoji follow the package's sort order, skin tones right after their base,
so the emoji of one show tend to share a page.

index.tsv: one line per emoji, `KEY<TAB>PAGE<TAB>SLOT`, where KEY is the sequence's code
points in lower-case hex without leading zeros, joined by `-`, without U+FE0F (so fully- and non-qualified
spellings meet), and SLOT is row * 16 + column on the page.
"""

import json
import os
import sys

from PIL import Image

CELL = 64
SHEET_CELL = CELL + 2  # the sheet pads each emoji by one pixel on every side
PER_SIDE = 16


def key(unified: str) -> str:
    return "-".join(f"{int(cp, 16):x}" for cp in unified.split("-") if int(cp, 16) != 0xFE0F)


def main(package: str, out: str) -> None:
    with open(os.path.join(package, "emoji.json"), encoding="utf-8") as f:
        data = json.load(f)
    sheet = Image.open(os.path.join(package, "img/twitter/sheets-256/64.png"))
    assert sheet.mode == "P", sheet.mode
    cells = []  # (key, sheet_x, sheet_y)
    for emoji in sorted(data, key=lambda e: e["sort_order"]):
        variants = [emoji] + sorted(
            emoji.get("skin_variations", {}).values(), key=lambda v: v["unified"]
        )
        for v in variants:
            if v.get("has_img_twitter"):
                cells.append((key(v["unified"]), v["sheet_x"], v["sheet_y"]))
    seen = {}
    for k, x, y in cells:
        if k in seen and seen[k] != (x, y):
            sys.exit(f"two images for {k}")
        seen[k] = (x, y)
    alpha = sheet.info["transparency"]  # tRNS: one alpha per palette entry
    clear = alpha.index(0)
    per_page = PER_SIDE * PER_SIDE
    lines = []
    pages = (len(cells) + per_page - 1) // per_page
    for p in range(pages):
        chunk = cells[p * per_page : (p + 1) * per_page]
        rows = (len(chunk) + PER_SIDE - 1) // PER_SIDE
        # Index `clear` is a fully transparent palette entry: the empty end of the last page.
        page = Image.new("P", (PER_SIDE * CELL, rows * CELL), clear)
        page.putpalette(sheet.getpalette())
        for slot, (k, x, y) in enumerate(chunk):
            src = sheet.crop(
                (x * SHEET_CELL + 1, y * SHEET_CELL + 1, x * SHEET_CELL + 1 + CELL, y * SHEET_CELL + 1 + CELL)
            )
            page.paste(src, ((slot % PER_SIDE) * CELL, (slot // PER_SIDE) * CELL))
            lines.append(f"{k}\t{p}\t{slot}\n")
        path = os.path.join(out, f"page-{p:02}.png")
        page.save(path, transparency=alpha, optimize=True)
        # The saved page must show exactly what the sheet shows.
        saved = Image.open(path).convert("RGBA")
        for slot, (k, x, y) in enumerate(chunk):
            want = sheet.crop(
                (x * SHEET_CELL + 1, y * SHEET_CELL + 1, x * SHEET_CELL + 1 + CELL, y * SHEET_CELL + 1 + CELL)
            ).convert("RGBA")
            got = saved.crop(
                ((slot % PER_SIDE) * CELL, (slot // PER_SIDE) * CELL,
                 (slot % PER_SIDE + 1) * CELL, (slot // PER_SIDE + 1) * CELL)
            )
            assert want.tobytes() == got.tobytes(), k
    with open(os.path.join(out, "index.tsv"), "w", encoding="utf-8") as f:
        f.writelines(lines)
    print(f"{len(cells)} emoji on {pages} pages")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
