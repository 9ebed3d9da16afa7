#!/usr/bin/env python3
"""Cuts the letters' font from Noto Serif CJK SC: the characters of GB 2312 (the 6,763 Hanzi and the symbols
Chinese letters use), ASCII and the full-width forms, renamed "Arrears Letter Serif". cairo embeds a subset of the
font in every PDF it writes, and the time that takes grows with the font it is cut from: this one is a tenth of the
full collection. A character outside it (a rare name) falls back to the full Noto face.

Usage: make_letter_font.py SOURCE.ttc INDEX OUT.otf
"""
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

source, index, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]

characters = set(range(0x20, 0x7F)) | set(range(0xFF01, 0xFF5F)) | set(range(0x3000, 0x3040))
for high in range(0xA1, 0xF8):
    for low in range(0xA1, 0xFF):
        try:
            characters.add(ord(bytes([high, low]).decode("gb2312")))
        except UnicodeDecodeError:
            pass

font = TTCollection(source).fonts[index]
options = subset.Options()
options.layout_features = ["*"]
options.name_IDs = ["*"]
options.name_languages = ["*"]
options.notdef_outline = True
options.hinting = False
subsetter = subset.Subsetter(options)
subsetter.populate(unicodes=sorted(characters))
subsetter.subset(font)
family = "Arrears Letter Serif"
names = font["name"]
for record in list(names.names):
    if record.nameID in (1, 16):
        names.setName(family, record.nameID, record.platformID, record.platEncID, record.langID)
    elif record.nameID in (4,):
        names.setName(family + " Regular", record.nameID, record.platformID, record.platEncID, record.langID)
    elif record.nameID in (6,):
        names.setName("ArrearsLetterSerif-Regular", record.nameID, record.platformID, record.platEncID, record.langID)
font.save(out)
