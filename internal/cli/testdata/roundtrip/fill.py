"""Plays a translator's tool on a file glot export wrote: fills every
form of every message, in place, the way scripts around Translate
Toolkit, polib and lxml do, and saves the file as those libraries write
it.

Each translation is the source with a mark in front that names the plural
form it is ("«few» "), so that a page built after the import shows which
form it took; the source's inline codes and template fields are copied as
they are, as a CAT tool copies them.

    python3 fill.py po|xliff|xliff12|tmx FILE
"""
import copy
import sys

# Arabic's plural forms in the order of its gettext formula (CLDR's).
AR_FORMS = ["zero", "one", "two", "few", "many", "other"]


def mark(form):
    return "«%s» " % form


def fill_po(path):
    import polib

    po = polib.pofile(path, wrapwidth=40)  # rewrapped, as msgcat would
    for e in po:
        if e.obsolete:
            continue
        if e.msgid_plural:
            for i, form in enumerate(AR_FORMS):
                src = e.msgid if form == "one" else e.msgid_plural
                e.msgstr_plural[i] = mark(form) + src
        else:
            e.msgstr = mark("other") + e.msgid
        if "fuzzy" in e.flags:
            e.flags.remove("fuzzy")
        e.previous_msgid = e.previous_msgctxt = None
    po.save(path)


def prefix(source, target, text):
    """Makes target a copy of source's content with text in front."""
    target.text = text + (source.text or "")
    for child in source:
        target.append(copy.deepcopy(child))


def fill_xliff2(path):
    from lxml import etree

    ns = "{urn:oasis:names:tc:xliff:document:2.0}"
    tree = etree.parse(path)
    for unit in tree.iter(ns + "unit"):
        form = "other"
        parent = unit.getparent()
        if parent.tag == ns + "group" and unit.get("id").startswith(parent.get("id") + "."):
            form = unit.get("id")[len(parent.get("id")) + 1:]
        first = True
        for seg in unit.iter(ns + "segment"):
            source = seg.find(ns + "source")
            target = seg.find(ns + "target")
            if target is None:
                target = etree.SubElement(seg, ns + "target")
            else:
                target.clear()
            prefix(source, target, mark(form) if first else "")
            first = False
            seg.set("state", "translated")
    tree.write(path, xml_declaration=True, encoding="UTF-8")


def fill_xliff12(path):
    from lxml import etree

    ns = "{urn:oasis:names:tc:xliff:document:1.2}"
    tree = etree.parse(path)
    for f in tree.iter(ns + "file"):
        f.set("target-language", "ar")
    for unit in tree.iter(ns + "trans-unit"):
        parent = unit.getparent()
        form = "other"
        if parent.tag == ns + "group" and parent.get("restype") == "x-gettext-plurals":
            units = parent.findall(ns + "trans-unit")
            form = AR_FORMS[units.index(unit)] if len(units) == len(AR_FORMS) else "other"
        source = unit.find(ns + "source")
        target = unit.find(ns + "target")
        if target is None:
            target = etree.Element(ns + "target")
            source.addnext(target)
        else:
            for k in list(target.attrib):
                del target.attrib[k]
            target.clear()
        prefix(source, target, mark(form))
        target.set("state", "translated")
    tree.write(path, xml_declaration=True, encoding="UTF-8")


def fill_tmx(path):
    from lxml import etree

    tree = etree.parse(path)
    src = tree.find("header").get("srclang")
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for tu in tree.iter("tu"):
        form = "other"
        for prop in tu.findall("prop"):
            if prop.get("type") == "x-plural-form":
                form = prop.text.strip()
        tuvs = tu.findall("tuv")
        source = next(t for t in tuvs if t.get(lang) == src)
        for t in tuvs:
            if t is not source:
                tu.remove(t)
        tuv = etree.SubElement(tu, "tuv")
        tuv.set(lang, "ar")
        seg = etree.SubElement(tuv, "seg")
        prefix(source.find("seg"), seg, mark(form))
    tree.write(path, xml_declaration=True, encoding="UTF-8", doctype=tree.docinfo.doctype)


if __name__ == "__main__":
    fmt, path = sys.argv[1], sys.argv[2]
    {"po": fill_po, "xliff": fill_xliff2, "xliff12": fill_xliff12, "tmx": fill_tmx}[fmt](path)
