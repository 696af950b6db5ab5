"""Self-contained HTML reports: what newsclean removed from each document, and how it scored.

    newsclean report INPUT... -o report.html        one section per document (`report_html`)
    newsclean eval CORPUS_DIR --report report.html  per-page scores, output beside gold
                                                    (`eval_report_html`)

Both are one HTML file with its style and its few lines of script inline: no network, no
external script, font or image (a Content-Security-Policy says so to the browser too). Every
piece of input text is escaped, so a page holding `<script>` or `</div>` shows as text.

A document's section shows its input block by block (`Result.blocks`): kept blocks plain,
removed ones struck through and tinted by the filter that removed them, with the reason code
and the reason beside them, rewrites as before and after; then the metadata found. The legend
counts the blocks each filter removed or rewrote, and a click on a filter shows only its blocks.
Documents are collapsed until opened.
"""

from __future__ import annotations

import html
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

from .evaluate import TOKEN, precision_recall_f1
from .fates import BlockFate
from .metadata import FIELDS
from .pipeline import Pipeline, Result

# the metadata in the schema's order (newsclean.metadata.FIELDS)
META_ORDER = tuple(FIELDS)
PALETTE = (  # one tint per default filter, in pipeline order; others get one from their name
    "#8e6c8a",
    "#7a7a7a",
    "#c0392b",
    "#d35400",
    "#e67e22",
    "#2e86c1",
    "#16a085",
    "#7d3c98",
    "#b7950b",
    "#1e8449",
    "#a04000",
    "#566573",
)
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


def _asset(name: str) -> str:
    return resources.files("newsclean").joinpath("data", name).read_text(encoding="utf-8")


def esc(text: str) -> str:
    """Text made safe for HTML content and attribute values (quotes too)."""
    return html.escape(text, quote=True)


def css_name(name: str) -> str:
    """A filter name as a CSS class fragment: letters, digits, - and _ only."""
    return re.sub(r"[^A-Za-z0-9_-]", "-", name) or "-"


def tint(name: str, order: Sequence[str]) -> str:
    if name in order and order.index(name) < len(PALETTE):
        return PALETTE[order.index(name)]
    return f"hsl({zlib.crc32(name.encode('utf-8')) % 360} 55% 42%)"


def page(title: str, body: str, extra_css: str = "") -> str:
    return (
        "<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name=viewport content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>\n{_asset('report.css')}{extra_css}</style>\n"
        f"</head>\n<body>\n{body}\n<script>\n{_asset('report.js')}</script>\n</body>\n</html>\n"
    )


# -- cleaning report -------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One document of a report: its name, and its result or the error that stopped it."""

    name: str
    result: Result | None = None
    error: str = ""
    kind: str = ""  # "html" where the input was a web page: its blocks are the text taken


def block_html(block: BlockFate) -> str:
    if block.fate == "kept":
        return f'<li class="b kept">{esc(block.text)}</li>'
    code = f"<code>{esc(block.code)}</code> " if block.code else ""
    label = f"{block.code}: {block.reason}" if block.code else block.reason
    why = f"<span class=why>{code}<b>{esc(block.filter)}</b> {esc(block.reason)}</span>"
    attrs = (
        f'class="b {block.fate} f-{css_name(block.filter)}" data-filter="{esc(block.filter)}" '
        f'title="{esc(block.filter)}: {esc(label)}"'
    )
    if block.fate == "rewrote":
        after = (
            f"<ins>{esc(block.after)}</ins>"
            if block.after
            else "<ins class=joined>(joined to the block above)</ins>"
        )
        return f"<li {attrs}><del>{esc(block.text)}</del> {after}{why}</li>"
    return f"<li {attrs}><del>{esc(block.text)}</del>{why}</li>"


def meta_html(meta: dict[str, str]) -> str:
    keys = [k for k in META_ORDER if k in meta] + sorted(k for k in meta if k not in META_ORDER)
    if not keys:
        return "<p class=nometa>No metadata found.</p>"
    rows = "".join(f"<dt>{esc(k)}</dt><dd>{esc(str(meta[k]))}</dd>" for k in keys)
    return f"<dl class=meta>{rows}</dl>"


def fate_counts(blocks: Iterable[BlockFate]) -> Counter[str]:
    """Blocks removed, moved to metadata or rewritten, per filter."""
    return Counter(b.filter for b in blocks if b.fate != "kept")


def document_html(number: int, entry: Entry, order: Sequence[str]) -> str:
    name = esc(entry.name)
    if entry.result is None:
        return (
            f'<details class="doc failed" id=doc-{number}><summary><span class=name>{name}</span>'
            f" <span class=stats>not cleaned</span></summary>"
            f"<p class=error>{esc(entry.error)}</p></details>"
        )
    blocks = entry.result.blocks
    removed = sum(b.removed for b in blocks)
    rewritten = sum(b.fate == "rewrote" for b in blocks)
    counts = fate_counts(blocks)
    chips = "".join(
        f'<span class="chip f-{css_name(f)}">{esc(f)} {n}</span>' for f, n in counts.most_common()
    )
    stats = f"{len(blocks)} blocks, {removed} removed, {rewritten} rewritten"
    note = (
        "<p class=note>A web page: the blocks below are the text taken from it, which the "
        "filters then cleaned.</p>"
        if entry.kind == "html"
        else ""
    )
    items = "\n".join(block_html(b) for b in blocks) or '<li class="b empty">(empty input)</li>'
    filters = " ".join(esc(f) for f in counts)
    return (
        f'<details class=doc id=doc-{number} data-filters="{filters}">'
        f"<summary><span class=name>{name}</span> <span class=stats>{stats}</span> {chips}"
        f"</summary>\n<h3>Metadata</h3>{meta_html(entry.result.meta)}\n{note}"
        f"<h3>Input, block by block</h3>\n<ol class=blocks>\n{items}\n</ol>\n"
        f"<h3>Clean text</h3>\n<pre class=clean>{esc(entry.result.text)}</pre>\n</details>"
    )


def legend_html(counts: Counter[str], order: Sequence[str]) -> str:
    buttons = "".join(
        f'<button type=button class="f f-{css_name(f)}" data-filter="{esc(f)}">'
        f"<span class=swatch></span>{esc(f)} <b>{n}</b></button>"
        for f, n in sorted(counts.items(), key=lambda fn: (_rank(fn[0], order), fn[0]))
    )
    return (
        "<nav class=legend aria-label=filters><span class=label>Removed or rewritten, by filter "
        "(click to show only one):</span> "
        f"{buttons}<button type=button class=all data-filter=''>show all</button> "
        "<button type=button class=expand>open all</button> "
        "<button type=button class=collapse>close all</button></nav>"
    )


def _rank(name: str, order: Sequence[str]) -> int:
    return order.index(name) if name in order else len(order)


def tints_css(names: Iterable[str], order: Sequence[str]) -> str:
    return "".join(f".f-{css_name(n)}{{--c:{tint(n, order)}}}\n" for n in sorted(set(names)))


def report_html(entries: Sequence[Entry], order: Sequence[str] = ()) -> str:
    """The cleaning report of `entries` (name and Result each), one self-contained HTML page.
    `order` is the pipeline's filter names, which fixes the legend's order and tints."""
    total: Counter[str] = Counter()
    sections = []
    blocks = removed = 0
    for number, entry in enumerate(entries, 1):
        sections.append(document_html(number, entry, order))
        if entry.result is not None:
            fates = entry.result.blocks
            total.update(fate_counts(fates))
            blocks += len(fates)
            removed += sum(b.removed for b in fates)
    summary = (
        f"{len(entries)} document{'s' if len(entries) != 1 else ''}, {blocks} blocks, "
        f"{removed} removed. Kept blocks are plain; removed ones are struck through and tinted "
        "by the filter that removed them, with its reason code and reason; rewrites show "
        "the text before and after."
    )
    body = (
        f"<header><h1>newsclean report</h1><p class=summary>{esc(summary)}</p>"
        f"{legend_html(total, order)}</header>\n<main>\n"
        + ("\n".join(sections) or "<p class=nothing>No documents.</p>")
        + "\n</main>"
    )
    return page("newsclean report", body, tints_css(total, order))


# -- evaluation report -----------------------------------------------------------------------


@dataclass(frozen=True)
class PageScore:
    """One scored page: its output beside its gold, and its precision, recall and F1."""

    name: str
    kind: str
    output: str
    gold: str
    precision: float
    recall: float
    f1: float
    counts: tuple[float, float, float] = (0.0, 0.0, 0.0)  # normalised TP, FP, FN


def score_page(name: str, kind: str, gold: str, output: str) -> PageScore:
    from .evaluate import page_counts

    row = page_counts(gold, output)
    tp, fp, fn = row
    p = 1.0 if fp == fn == 0 else tp / (tp + fp) if tp + fp else 0.0
    r = 1.0 if fp == fn == 0 else tp / (tp + fn) if tp + fn else 0.0
    return PageScore(name, kind, output, gold, p, r, precision_recall_f1([row])[2], row)


def unmatched(text: str, other: str, n: int = 4) -> list[tuple[int, int]]:
    """The character spans of `text` whose words are in no n-word shingle shared with `other`
    (the metric's shingles, matched as multisets): extra text in an output, missing text in a
    gold. A run of such words within a paragraph is one span."""
    words = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
    theirs = Counter(
        tuple(t[i : i + n])
        for t in [TOKEN.findall(other)]
        for i in range(max(1, len(t) - n + 1))
        if t[i : i + n]
    )
    covered = [False] * len(words)
    tokens = [w for _, _, w in words]
    for i in range(max(1, len(tokens) - n + 1)):
        shingle = tuple(tokens[i : i + n])
        if shingle and theirs[shingle] > 0:
            theirs[shingle] -= 1
            for k in range(i, min(i + n, len(tokens))):
                covered[k] = True
    spans: list[tuple[int, int, int]] = []  # start, end, index of the last word
    for k, ((start, end, _), seen) in enumerate(zip(words, covered, strict=True)):
        if seen:
            continue
        if spans and spans[-1][2] == k - 1 and "\n\n" not in text[spans[-1][1] : start]:
            spans[-1] = (spans[-1][0], end, k)
        else:
            spans.append((start, end, k))
    return [(start, end) for start, end, _ in spans]


def marked(text: str, spans: list[tuple[int, int]], css: str, label: str) -> str:
    out, last = [], 0
    for start, end in spans:
        out.append(esc(text[last:start]))
        out.append(f'<mark class={css} title="{label}">{esc(text[start:end])}</mark>')
        last = end
    out.append(esc(text[last:]))
    return "".join(out)


def page_html(number: int, s: PageScore) -> str:
    extra, missing = unmatched(s.output, s.gold), unmatched(s.gold, s.output)
    return (
        f'<details class=page id=page-{number} data-name="{esc(s.name)}" data-kind="{esc(s.kind)}"'
        f' data-precision="{s.precision:.4f}" data-recall="{s.recall:.4f}" data-f1="{s.f1:.4f}">'
        f"<summary><span class=name>{esc(s.name)}</span><span class=kind>{esc(s.kind)}</span>"
        f"<span class=num>{s.precision:.3f}</span><span class=num>{s.recall:.3f}</span>"
        f"<span class=num>{s.f1:.3f}</span></summary>\n<div class=sbs>"
        f"<section><h4>newsclean's output: <mark class=extra>extra text</mark> "
        f"({len(extra)} spans)</h4><pre class=txt>"
        f"{marked(s.output, extra, 'extra', 'not in gold')}</pre></section>"
        f"<section><h4>gold: <mark class=missing>missing text</mark> "
        f"({len(missing)} spans)</h4><pre class=txt>"
        f"{marked(s.gold, missing, 'missing', 'not in the output')}</pre></section>"
        "</div></details>"
    )


def eval_report_html(pages: Sequence[PageScore], corpus: str = "") -> str:
    """The evaluation report: per kind the averages, then one row per page, worst F1 first,
    each opening to the output beside the gold with the extra and the missing text marked."""
    pages = sorted(pages, key=lambda s: (s.f1, s.name, s.kind))
    kinds: dict[str, list[PageScore]] = {}
    for s in pages:
        kinds.setdefault(s.kind, []).append(s)
    rows = "".join(
        f"<tr><td>{esc(k)}</td><td>{len(ps)}</td>"
        + "".join(f"<td>{v:.3f}</td>" for v in precision_recall_f1([x.counts for x in ps]))
        + "</tr>"
        for k, ps in sorted(kinds.items())
    )
    table = (
        "<table class=kinds><thead><tr><th>input</th><th>pages</th><th>precision</th>"
        f"<th>recall</th><th>F1</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    head = (
        "<div class=pagehead role=row>"
        + "".join(
            f'<button type=button data-sort="{key}" class="{cls}">{label}</button>'
            for key, label, cls in (
                ("name", "page", ""),
                ("kind", "input", ""),
                ("precision", "precision", "num"),
                ("recall", "recall", "num"),
                ("f1", "F1", "num sorted"),
            )
        )
        + "</div>"
    )
    items = "\n".join(page_html(i, s) for i, s in enumerate(pages, 1))
    where = f" on {corpus}" if corpus else ""
    body = (
        f"<header><h1>newsclean evaluation{esc(where)}</h1><p class=summary>{len(pages)} "
        "scored inputs, worst F1 first. Click a column to sort; open a page to see "
        "newsclean's output beside the gold, with the <mark class=extra>extra</mark> and the "
        "<mark class=missing>missing</mark> text marked (words in no 4-word shingle the other "
        f"side shares).</p>{table}</header>\n<main class=pages>{head}\n{items}\n</main>"
    )
    return page(f"newsclean evaluation{where}", body)


# -- gathering inputs ------------------------------------------------------------------------

PAGE_SUFFIXES = (".html", ".htm")


def read_entry(path: str, pipeline: Pipeline | None = None) -> Entry:
    """One input file as a report entry; a file that cannot be read or cleaned is an entry
    with its error."""
    from . import explain
    from .decoding import decode
    from .files import InputError, read_document
    from .html import looks_like_html

    try:
        data = read_document(path)
        text = data if isinstance(data, str) else decode(data)  # to tell a page from a dump
        return Entry(path, explain(data, pipeline), kind="html" if looks_like_html(text) else "")
    except InputError as exc:
        return Entry(path, error=str(exc))
    except OSError as exc:
        return Entry(path, error=f"{path}: cannot read ({exc.strerror or exc})")
    except Exception as exc:  # noqa: BLE001 - one bad input must not stop the report
        return Entry(path, error=f"{path}: cleaning failed: {type(exc).__name__}: {exc}")


def jsonl_entries(
    path: str, text_field: str = "text", pipeline: Pipeline | None = None
) -> Iterable[Entry]:
    """One entry per line of a JSONL file (.gz/.zst too): named by its url or id field where
    it has one, else by its line number; a bad line is an entry with its error."""
    import json

    from . import explain
    from .files import open_input

    stream, _ = open_input(path)
    with stream:
        for number, line in enumerate(stream, 1):
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except ValueError as exc:  # also UnicodeDecodeError
                yield Entry(where, error=f"line {number}: not valid JSON: {exc}")
                continue
            value = record.get(text_field) if isinstance(record, dict) else None
            if not isinstance(value, str):
                yield Entry(where, error=f"line {number}: no string field {text_field!r}")
                continue
            label = next(
                (str(record[k]) for k in ("url", "id") if isinstance(record.get(k), (str, int))),
                "",
            )
            name = f"{where} {label}" if label else where
            try:
                yield Entry(name, explain(value, pipeline))
            except Exception as exc:  # noqa: BLE001
                yield Entry(name, error=f"line {number}: cleaning failed: {exc}")
