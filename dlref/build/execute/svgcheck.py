"""Is an SVG safe to publish as it is? Figures come from examples, and examples are not trusted.

matplotlib writes plain drawings; an example can still smuggle in a link
(``artist.set_url('javascript:…')``), and a cache entry can be forged. A
published figure must hold no script, no event handler and no reference to
anything outside itself (raster images embedded as ``data:image/png`` are fine).

>>> problems('<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>')
[]
>>> problems('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
['<script> element']
>>> problems('<svg xmlns="http://www.w3.org/2000/svg"><rect onload="x()"/></svg>')
['event handler onload=']
>>> problems('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
...          '<image xlink:href="https://evil.example/x.png"/></svg>')
['external reference https://evil.example/x.png']
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

_FORBIDDEN = {"script", "foreignObject", "iframe", "object", "embed"}
_SAFE_REF = re.compile(r"^(#|data:image/(png|jpeg);base64,)")
_CSS_URL = re.compile(r"url\(\s*['\"]?(?!#)([^'\")]*)")


def problems(svg: str) -> list[str]:
    """What makes ``svg`` unsafe to publish; empty when it is a self-contained drawing."""
    try:
        root = ET.fromstring(svg.encode("utf-8"))
    except ET.ParseError as exc:
        return [f"not well-formed XML ({exc})"]
    if root.tag.rpartition("}")[2] != "svg":
        return [f"root element is <{root.tag}>, not <svg>"]
    found = []
    for element in root.iter():
        tag = element.tag.rpartition("}")[2]
        if tag in _FORBIDDEN:
            found.append(f"<{tag}> element")
        for name, value in element.attrib.items():
            local = name.rpartition("}")[2]
            if local.lower().startswith("on"):
                found.append(f"event handler {local}=")
            elif local == "href" and not _SAFE_REF.match(value.strip()):
                found.append(f"external reference {value[:80]}")
            elif match := _CSS_URL.search(value):
                found.append(f"external reference url({match.group(1)[:80]})")
        if tag == "style" and element.text:
            if match := _CSS_URL.search(element.text):
                found.append(f"external reference url({match.group(1)[:80]}) in <style>")
            if "@import" in element.text:
                found.append("@import in <style>")
    return found
