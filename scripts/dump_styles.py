"""Score newsclean on dump styles the corpora do not ship: what a text browser, a mail or a
scraper's text-node reader makes of the same pages.

    apt-get install lynx w3m                      # Debian's text browsers
    pip install html2text                         # for the html2text style
    python scripts/dump_styles.py                 # every 3rd wcxb-dev page + readability
    python scripts/dump_styles.py --every 1 --styles lynx,w3m
    python scripts/dump_styles.py --styles get_text,get_text_raw --without inline_breaks
    python scripts/dump_styles.py --styles html2txt --without one_line
    python scripts/dump_styles.py --without hard_wraps --without references   # also without

Each page's HTML is rendered by `lynx -dump` (numbered links and a References list, wrapped
at its default width), `w3m -dump` (wrapped at 80 columns) and html2text with its defaults
(markdown wrapped at 78 columns, list items left unwrapped; the corpora's md dumps are
html2text unwrapped), and its text dump (text.txt) is folded at 72 columns as a mail would
(`textwrap`, breaking at spaces). `get_text` is what a scraper that reads the page's text
nodes makes of it: BeautifulSoup's `soup.get_text("\n", strip=True)` once its scripts and
styles are decomposed, written here with lxml (the page decoded as newsclean decodes it, each
text node of `<body>` stripped, one a line), so a line breaks at every inline element's edge;
`get_text_raw` is the same with the scripts' and styles' text left in, as `get_text()` on a
page as it came gives it. `html2txt` is trafilatura's `html2txt()`, the page's whole text
joined with spaces into one line (as `get_text(" ")` and `" ".join(soup.stripped_strings)`
give it). A style whose tool is missing is skipped. Each rendering
is scored as it is and cleaned by the default pipeline (and, with `--without STEP`, by the
pipeline without those steps), with the metric of `newsclean eval` and score.py, against the
page's gold text. The renderings are kept in memory, never written.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import subprocess
import sys
import textwrap
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluate_oof import print_scores  # noqa: E402
from train_models import DEFAULT_CORPORA, page_type  # noqa: E402

import newsclean  # noqa: E402
from newsclean.evaluate import page_counts  # noqa: E402

BROWSERS = {
    "lynx": ["lynx", "-dump", "-stdin", "-assume_charset=utf-8", "-display_charset=utf-8"],
    "w3m": ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"],
}
STYLES = ("lynx", "w3m", "html2text", "fold72", "get_text", "get_text_raw", "html2txt")
# what a browser never shows: a scraper decomposes these before get_text() (get_text: gone;
# get_text_raw: kept)
UNSHOWN = ("script", "style", "noscript", "template")


def page_html(folder: Path) -> bytes | None:
    if (folder / "source.html").exists():
        return (folder / "source.html").read_bytes()
    if (folder / "source.html.gz").exists():
        return gzip.decompress((folder / "source.html.gz").read_bytes())
    return None


def folded(text: str, width: int = 72) -> str:
    """Every line of `text` wrapped at `width` columns, breaking at spaces, as a mail does."""
    return "\n".join(
        "\n".join(textwrap.wrap(line, width, break_long_words=False)) if line.strip() else ""
        for line in text.splitlines()
    )


def text_nodes(html: bytes, keep_unshown: bool) -> str:
    """The page's text nodes in `<body>`, each stripped, one a line (BeautifulSoup's
    `get_text("\n", strip=True)`), without the text of UNSHOWN elements unless `keep_unshown`."""
    import lxml.html

    from newsclean.decoding import decode

    text = decode(html)
    if text.lstrip().startswith("<?xml"):
        text = text.split("?>", 1)[1]  # lxml takes no encoding declaration in a str
    root = lxml.html.document_fromstring(text)
    body = root.find("body")
    body = root if body is None else body
    if not keep_unshown:
        for element in list(body.iter(*UNSHOWN)):
            element.drop_tree()
    return "\n".join(t.strip() for t in body.itertext() if t.strip())


def render(folder: Path, style: str) -> str | None:
    if style == "fold72":
        dump = folder / "text.txt"
        return folded(dump.read_text(encoding="utf-8")) if dump.exists() else None
    html = page_html(folder)
    if html is None:
        return None
    if style == "html2txt":
        import trafilatura

        from newsclean.decoding import decode

        return trafilatura.html2txt(decode(html)) or None
    if style in ("get_text", "get_text_raw"):
        try:
            return text_nodes(html, keep_unshown=style == "get_text_raw")
        except ValueError:  # no document in it
            return None
    if style == "html2text":
        try:
            import html2text
        except ImportError:
            return None
        return html2text.HTML2Text().handle(html.decode("utf-8", errors="replace"))
    if shutil.which(BROWSERS[style][0]) is None:
        return None
    done = subprocess.run(BROWSERS[style], input=html, capture_output=True, timeout=120)
    return done.stdout.decode("utf-8", errors="replace")


def one_page(job: tuple[str, tuple[str, ...], tuple[str, ...]]) -> list[tuple[str, str, tuple]]:
    folder, styles, without = Path(job[0]), job[1], job[2]
    gold = (folder / "gold.txt").read_text(encoding="utf-8")
    out = []
    for style in styles:
        raw = render(folder, style)
        if raw is not None:
            out.append((style, "input", page_counts(gold, raw)))
            out.append((style, "cleaned", page_counts(gold, newsclean.clean(raw))))
            if without:
                fewer = newsclean.DEFAULT_PIPELINE.without(*without)
                out.append((style, "without", page_counts(gold, newsclean.clean(raw, fewer))))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", action="append", type=Path)
    ap.add_argument("--styles", default=",".join(STYLES))
    ap.add_argument("--every", type=int, default=3, help="every Nth page of a corpus over 500")
    ap.add_argument("--without", action="append", default=[], help="also clean without STEP")
    args = ap.parse_args()
    styles = tuple(args.styles.split(","))
    for corpus in args.corpus or [c for c in DEFAULT_CORPORA if c.exists()]:
        folders = sorted(p for p in corpus.iterdir() if (p / "gold.txt").exists())
        if len(folders) > 500:
            folders = folders[:: args.every]
        rows: dict[tuple[str, str, str], list] = defaultdict(list)
        with ProcessPoolExecutor(2) as pool:
            jobs = [(str(f), styles, tuple(args.without)) for f in folders]
            for f, results in zip(folders, pool.map(one_page, jobs, chunksize=4), strict=True):
                for style, system, counts in results:
                    rows[style, system, "all"].append(counts)
                    if page_type(f) == "article" and (f / "meta.json").exists():
                        rows[style, system, "article"].append(counts)
        print(f"{corpus.name}: {len(folders)} pages")
        print_scores(rows, ("style", "text"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
