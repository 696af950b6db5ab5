"""Configuration reaches everything: a `Pipeline` (its steps and its `Config`) given once changes
what `clean`/`explain`, the command line, a `-j 2` batch and the phrase lists do. (The
integrations are tested with a custom pipeline in test_integrations.py; the phrase lists
themselves, a user's folders among them, in test_phrases.py.)"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from support.command import run_newsclean
from support.data import ROOT, write_phrases
from support.texts import PROSE, WITH_AD

import newsclean
from newsclean import DEFAULT_PIPELINE, Config, ConfigError, Step, step
from newsclean.document import Document

CONFIG_FILE = ROOT / "fixtures" / "config" / "newsclean.toml"
# WITH_AD (support/texts.py) is short enough that the article step cuts nothing: its ad label
# is the ads step's alone to remove
WITH_AD_CLEAN = PROSE
WITHOUT_ADS = f"Advertisement\n\n{PROSE}"


def test_the_ad_case_isolates_the_ads_step():
    assert newsclean.clean(WITH_AD) == WITH_AD_CLEAN
    assert newsclean.clean(WITH_AD, DEFAULT_PIPELINE.without("ads")) == WITHOUT_ADS
    # no other step takes the label: every step but ads keeps it
    removed = newsclean.explain(WITH_AD).removed
    assert [(c.filter, c.before) for c in removed] == [("ads", "Advertisement")]


# -- settings ---------------------------------------------------------------------------------


def test_each_setting_changes_what_its_step_does():
    prompt = "Sign up for our newsletter to get the latest stories from the city council every week"
    assert newsclean.clean(f"{prompt}\n\n{PROSE}") == PROSE
    short_prompts = DEFAULT_PIPELINE.configure(ads={"promo_max_words": 5})
    assert newsclean.clean(f"{prompt}\n\n{PROSE}", short_prompts) == f"{prompt}\n\n{PROSE}"

    headed = f"# Bridge plan approved\n\n{PROSE}"
    assert newsclean.explain(headed).meta == {"title": "Bridge plan approved", "language": "en"}
    short_headlines = DEFAULT_PIPELINE.configure(furniture={"headline_max_words": 2})
    result = newsclean.explain(headed, short_headlines)
    assert "title" not in result.meta and result.text.startswith("Bridge plan approved")

    links = "\n".join(f"* [Story {n}](http://a.example/{n})" for n in ("one", "two", "three"))
    listed = f"{PROSE}\n\n{links}\n\n{PROSE.replace('council', 'board')}"
    assert "Story one" not in newsclean.clean(listed)
    assert "Story one" in newsclean.clean(listed, DEFAULT_PIPELINE.configure(links={"link_run": 4}))


def test_the_article_finders_cut_offs_are_settings():
    menu = "\n".join(f"[Section {n}](http://a.example/{n})" for n in range(8))
    page = f"{menu}\n\n{PROSE} {PROSE}\n\n{PROSE}"
    assert "Section 0" not in newsclean.clean(page)
    never_cut = DEFAULT_PIPELINE.without("link_blocks", "media").configure(
        article={"min_region_weight": 10_000}
    )
    assert "Section 0" in newsclean.clean(page, never_cut)


def test_html_settings_reach_the_page_path():
    page = (ROOT / "fixtures" / "html" / "unextractable.html").read_text(encoding="utf-8")
    assert any(c.code == "html.loosened" for c in newsclean.explain(page).warnings)
    content = DEFAULT_PIPELINE.configure(html={"min_extracted_chars": 0})
    assert not any(c.code == "html.loosened" for c in newsclean.explain(page, content).warnings)


def test_a_config_is_checked_when_it_is_made():
    with pytest.raises(ConfigError, match="no settings section 'artcle'"):
        Config().updated(artcle={"min_region_weight": 1})
    with pytest.raises(ConfigError, match="no setting 'min_words' in \\[article\\]"):
        Config().updated(article={"min_words": 1})
    with pytest.raises(ConfigError, match="ads.promo_max_words must be int"):
        Config().updated(ads={"promo_max_words": "many"})
    assert Config().updated(article={"min_region_weight": 80}).article.min_region_weight == 80.0
    assert Config.from_dict(Config().to_dict()) == Config()


def test_a_pipeline_keeps_its_config_through_every_change():
    custom = DEFAULT_PIPELINE.configure(ads={"promo_max_words": 5})
    derived = (
        custom.without("units")
        .insert_after("paragraphs", str.strip)
        .replace("media", lambda text: text)
    )
    assert derived.config == custom.config != DEFAULT_PIPELINE.config
    assert DEFAULT_PIPELINE.config == Config()  # configure() made a new pipeline


def test_a_pipeline_and_its_config_pickle_for_worker_processes():
    custom = DEFAULT_PIPELINE.without("ads").configure(links={"link_run": 4})
    again = pickle.loads(pickle.dumps(custom))
    assert again == custom and again.config.links.link_run == 4
    assert again["article"] is DEFAULT_PIPELINE["article"]  # shipped steps go by reference
    assert newsclean.clean(WITH_AD, again) == WITHOUT_ADS


@step
def shout(doc: Document) -> None:
    """upper-case every block"""
    for block in doc.blocks:
        block.text = block.text.upper()


def test_bare_step_decorator_names_and_describes_the_step_and_it_pickles():
    assert isinstance(shout, Step)
    assert (shout.name, shout.description, shout.whole_page) == (
        "shout",
        "upper-case every block",
        False,
    )
    pipeline = DEFAULT_PIPELINE.insert_after("paragraphs", shout)
    assert pickle.loads(pickle.dumps(pipeline))["shout"] is shout
    assert newsclean.clean("A line.", pipeline) == "A LINE."


def test_a_users_whole_page_step_is_skipped_on_extracted_html_like_the_article_steps():
    page = (ROOT / "fixtures" / "html" / "article.html").read_text(encoding="utf-8")
    whole_page = {s.name for s in DEFAULT_PIPELINE if s.whole_page}
    assert whole_page == {"script_text", "one_line", "describe", "article", "article_edges"}
    on_page = step("shout_page", "upper-case", whole_page=True)(shout.run)
    on_text = DEFAULT_PIPELINE.insert_after("paragraphs", on_page)
    assert newsclean.clean("A line.", on_text) == "A LINE."  # a dump is a whole page
    html_text = newsclean.clean(page, on_text)
    assert html_text == newsclean.clean(page) and html_text != html_text.upper()
    everywhere = DEFAULT_PIPELINE.insert_after("paragraphs", shout)
    assert newsclean.clean(page, everywhere) == html_text.upper()


# -- files ------------------------------------------------------------------------------------


def test_a_toml_file_describes_steps_settings_and_phrase_folders():
    pipeline = newsclean.load_pipeline(CONFIG_FILE)
    assert "units" not in pipeline.names and len(pipeline) == len(DEFAULT_PIPELINE) - 1
    assert pipeline.config.phrases.dirs == (str(CONFIG_FILE.parent / "phrases"),)
    assert pipeline.config.article == Config().article  # the example states the defaults
    text = (
        f"Buy our mugs!\n\nJoin the Riverside Gazette club today.\n\n{PROSE}\n\nIt is 100km (60km)."
    )
    assert newsclean.clean(text, pipeline) == f"{PROSE}\n\nIt is 100km (60km)."
    assert newsclean.clean(text) != newsclean.clean(text, pipeline)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('without = ["adz"]', "no step named 'adz'"),
        ('steps = "ads"', "steps must be a list of step names"),
        ("[artcle]\nrepeats = 2", "no settings section 'artcle'"),
        ('[phrases]\ndirs = ["nowhere"]', "no such phrase folder"),
        ('[phrases]\ndirs = ["."]', "no phrase files"),
        ("without = [", "not valid TOML"),
    ],
)
def test_a_bad_toml_file_is_a_config_error_naming_it(tmp_path: Path, toml: str, message: str):
    path = tmp_path / "bad.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as caught:
        newsclean.load_pipeline(path)
    assert str(path) in str(caught.value)


def test_steps_choose_and_order_the_default_steps(tmp_path: Path):
    path = tmp_path / "only.toml"
    path.write_text('steps = ["unicode", "ads"]\n[ads]\npromo_max_words = 5\n', encoding="utf-8")
    pipeline = newsclean.load_pipeline(path)
    assert pipeline.names == ["unicode", "ads"] and pipeline.config.ads.promo_max_words == 5


# -- the command line and batch workers -------------------------------------------------------


def test_cli_without_steps(tmp_path: Path):
    source = tmp_path / "ad.txt"
    source.write_text(WITH_AD, encoding="utf-8")
    assert run_newsclean("clean", str(source)).stdout.decode() == WITH_AD_CLEAN + "\n"
    proc = run_newsclean("clean", "--without", "ads", "--without", "units", str(source))
    assert proc.returncode == 0 and proc.stdout.decode() == WITHOUT_ADS + "\n"
    proc = run_newsclean("clean", "--without", "adz", str(source))
    assert proc.returncode == 2 and b"no step named 'adz'" in proc.stderr
    assert b"Traceback" not in proc.stderr
    listed = run_newsclean("filters", "--without", "ads").stdout.decode().splitlines()
    assert [line.split()[0] for line in listed] == DEFAULT_PIPELINE.without("ads").names


def test_cli_config_and_phrases(tmp_path: Path):
    source = tmp_path / "mugs.txt"
    source.write_text(f"Buy our mugs!\n\nOur mugs are blue.\n\n{WITH_AD}", encoding="utf-8")
    proc = run_newsclean("clean", "--config", str(CONFIG_FILE), str(source))
    assert proc.stdout.decode() == f"Our mugs are blue.\n\n{PROSE}\n"
    mine = write_phrases(tmp_path / "mine", "[ad_label_exact]\nour mugs are blue\n")
    proc = run_newsclean("clean", "--config", str(CONFIG_FILE), "--phrases", str(mine), str(source))
    assert proc.stdout.decode() == f"{PROSE}\n"
    proc = run_newsclean("clean", "--phrases", str(mine), "--no-shipped-phrases", str(source))
    assert proc.stdout.decode() == f"Buy our mugs!\n\n{WITH_AD}\n"  # "Advertisement" is shipped
    bad = write_phrases(tmp_path / "bad", "[ad_lable_exact]\nour mugs\n")
    proc = run_newsclean("clean", "--phrases", str(bad), str(source))
    assert proc.returncode == 2 and proc.stderr.count(b"\n") == 1
    assert b"bad/mine.txt" in proc.stderr and b"[ad_lable_exact]" in proc.stderr


def test_a_two_worker_batch_cleans_with_the_given_pipeline(tmp_path: Path):
    source = tmp_path / "in.jsonl"
    records = [{"id": n, "text": WITH_AD} for n in range(5)]
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out.jsonl"

    def texts(*options: str) -> list[str]:
        proc = run_newsclean("clean", "--jsonl", str(source), "-o", str(out), "-j", "2", *options)
        assert proc.returncode == 0, proc.stderr.decode()
        return [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()]

    assert texts("-q") == [WITH_AD_CLEAN] * 5
    assert texts("-q", "--without", "ads") == [WITHOUT_ADS] * 5
    mine = write_phrases(tmp_path / "mine", "[ad_label_exact]\nthe council met\n")
    assert texts("-q", "--phrases", str(mine), "--without", "ads") == [WITHOUT_ADS] * 5
    config = tmp_path / "c.toml"
    config.write_text('[phrases]\ndirs = ["mine"]\nshipped = false\n', encoding="utf-8")
    prose_as_label = f"The council met\n\n{PROSE}"
    source.write_text(json.dumps({"text": prose_as_label}) + "\n", encoding="utf-8")
    assert texts("-q") == [prose_as_label]
    assert texts("-q", "--config", str(config)) == [PROSE]


def test_a_two_worker_file_batch_cleans_with_the_given_pipeline(tmp_path: Path):
    for n in range(3):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / f"{n}.txt").write_text(WITH_AD, encoding="utf-8")
    proc = run_newsclean(
        "clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "2", "-q"
    )
    assert proc.returncode == 0
    assert (tmp_path / "out" / "0.txt").read_text(encoding="utf-8") == WITH_AD_CLEAN + "\n"
    proc = run_newsclean(
        *("clean", str(tmp_path / "in"), "-o", str(tmp_path / "out2"), "-j", "2", "-q"),
        *("--without", "ads"),
    )
    assert proc.returncode == 0
    outputs = sorted((tmp_path / "out2").iterdir())
    assert [p.read_text(encoding="utf-8") for p in outputs] == [WITHOUT_ADS + "\n"] * 3


def test_an_empty_pipeline_is_a_pipeline_not_the_default():
    # Pipeline has a length, so `pipeline or DEFAULT_PIPELINE` took an empty one for no choice
    assert newsclean.clean(WITH_AD, newsclean.Pipeline([])) == WITH_AD


def test_pipelines_with_different_phrase_folders_run_side_by_side_in_threads(tmp_path: Path):
    from concurrent.futures import ThreadPoolExecutor

    folder = write_phrases(tmp_path / "p", "[ad_label_exact]\nbuy our mugs\n")
    mine = DEFAULT_PIPELINE.configure(phrases={"dirs": [str(folder)]})
    text = f"Buy our mugs!\n\n{PROSE}"
    jobs = [(text, mine if n % 2 else DEFAULT_PIPELINE) for n in range(40)]
    with ThreadPoolExecutor(4) as pool:
        out = list(pool.map(lambda job: newsclean.clean(*job), jobs))
    assert out == [PROSE if n % 2 else text for n in range(40)]
