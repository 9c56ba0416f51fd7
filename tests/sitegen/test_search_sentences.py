"""Search entries in sentences (sitegen/pages/search_sentences.py): Material shows the matching one."""

from __future__ import annotations

import re

from sitegen.pages import search_sentences
from sitegen.pages.search_words import segment

Z = "\u200b"


def paragraphs(text: str) -> list[str]:
    return [p.replace(Z, "") for p in re.findall(r"<p>(.*?)</p>", text)]


def test_a_clause_becomes_one_paragraph_per_sentence_with_its_departments_kept_with_the_last() -> None:
    text = "<p>" + segment("5. 为本区户籍独生子女死亡家庭特别扶助对象每年提供一次免费健康体检。（区卫生健康委、各街镇负责）") + "</p>"
    assert paragraphs(search_sentences.sentence_text(text)) == [
        "为本区户籍独生子女死亡家庭特别扶助对象每年提供一次免费健康体检。（区卫生健康委、各街镇负责）"]


def test_sentences_split_after_full_stops_and_semicolons_and_a_short_question_keeps_its_answer() -> None:
    text = "<p>" + segment("扶助证怎么办？这一页写明发给谁、到哪里申请。60-69岁，每人每月710元；70岁及以上，每人每月760元。") + "</p>"
    assert paragraphs(search_sentences.sentence_text(text)) == [
        "扶助证怎么办？这一页写明发给谁、到哪里申请。", "60-69岁，每人每月710元；", "70岁及以上，每人每月760元。"]


def test_list_items_are_sentences_of_their_own_and_code_stays_whole() -> None:
    text = "<ul><li>负责部门：区民政局</li><li>在哪里办：居委会</li></ul><pre><code>a = 1\nb = 2</code></pre>"
    result = search_sentences.sentence_text(text)
    assert paragraphs(result) == ["负责部门：区民政局", "在哪里办：居委会"]
    assert "<pre>a = 1\nb = 2</pre>" in result


def test_a_long_sentence_is_cut_after_its_commas_so_no_hit_fills_the_screen() -> None:
    sentence = ("对年满 60 周岁及以上、需要生活照护的本区户籍计划生育特别扶助对象，凭《上海市计划生育家庭特别扶助证》，"
                "由民政部门进行经济状况审核和老年照护等级评估后，对符合条件的对象实施“五优先”，即：优先上门评估、"
                "优先提供上门照护服务、优先利用老年人日间服务中心和老年人社区助餐点等社区居家养老服务设施、"
                "优先入住政府举办或资助的指定养老机构，对独居老人，优先提供社区关爱服务。")
    pieces = paragraphs(search_sentences.sentence_text("<p>" + segment(sentence) + "</p>"))
    assert "".join(pieces).replace(" ", "") == sentence.replace(" ", "")  # every word kept, in order
    assert all(len(piece) <= search_sentences.LONGEST for piece in pieces), pieces
    assert all(piece[0] not in "，、" for piece in pieces), pieces


def test_no_word_break_stands_beside_punctuation_and_the_indexed_words_stay_the_same() -> None:
    separator = re.compile(r"[\s\u200b\-，。、；：？！（）《》“”,;()]+")  # mkdocs.yml's search separator
    raw = segment("本区户籍家庭, 凭《上海市计划生育家庭特别扶助证》, 经申请审核（区房管局负责）")
    tidy = search_sentences.tidy(raw)
    assert not re.search(f"{Z}[{re.escape(search_sentences.SEPARATOR_PUNCTUATION)}]", tidy)
    assert not re.search(f"[{re.escape(search_sentences.SEPARATOR_PUNCTUATION)}]{Z}", tidy)
    assert [w for w in separator.split(tidy) if w] == [w for w in separator.split(raw) if w]


def test_the_separator_punctuation_is_the_site_s_search_separator() -> None:
    from sitegen.paths import ROOT

    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    separator = re.search(r"separator: '\[(.*?)\]\+'", config)
    assert separator
    for mark in search_sentences.SEPARATOR_PUNCTUATION:
        assert mark in separator.group(1), mark


def test_every_entry_of_an_index_is_split_and_its_title_tidied() -> None:
    index = {"docs": [{"location": "notice/#c-2-2-5", "title": segment("二（二）5　孩子去世的家庭：免费体检"),
                       "text": "<p>" + segment("为本区户籍对象提供一次免费健康体检。（区卫生健康委负责）") + "</p>"}]}
    entry = search_sentences.split_entries(index)["docs"][0]
    assert entry["location"] == "notice/#c-2-2-5"
    assert f"{Z}：" not in entry["title"] and f"：{Z}" not in entry["title"]
    assert paragraphs(entry["text"]) == ["为本区户籍对象提供一次免费健康体检。（区卫生健康委负责）"]
