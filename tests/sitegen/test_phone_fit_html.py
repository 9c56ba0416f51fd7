"""phone_fit: tables get column names on their cells; amounts keep their unit; code and tags are untouched."""

from __future__ import annotations

from sitegen.pages.phone_fit import fit_page, keep_amounts_with_units, label_tables

TABLE = ("<table>\n<thead>\n<tr>\n<th>年龄</th>\n<th style=\"text-align: right;\">金额</th>\n</tr>\n</thead>\n"
         "<tbody>\n<tr>\n<td>60岁</td>\n<td style=\"text-align: right;\">870 元</td>\n</tr>\n</tbody>\n</table>")


def test_body_cells_carry_their_column_name_and_roles() -> None:
    html = label_tables(TABLE)
    assert '<td role="cell" data-label="年龄">60岁</td>' in html
    assert '<td style="text-align: right;" role="cell" data-label="金额">' in html
    assert '<th role="columnheader">年龄</th>' in html
    assert html.startswith('<table role="table" data-stack>')


def test_a_table_without_a_header_row_is_left_alone() -> None:
    table = "<table><tbody><tr><td>a</td></tr></tbody></table>"
    assert label_tables(table) == table


def test_amounts_and_ages_are_wrapped_with_their_unit() -> None:
    assert keep_amounts_with_units("<p>一次性补助3000元，满 60 周岁</p>") == (
        '<p>一次性补助<span class="amount">3000元</span>，满 <span class="amount">60 周岁</span></p>')


def test_attributes_and_code_are_never_changed() -> None:
    html = '<a data-citation="3000 元" href="#x">见</a><code>3000 元</code><pre>5 元</pre>'
    assert keep_amounts_with_units(html) == html


def test_fit_page_does_both() -> None:
    html = fit_page(TABLE)
    assert 'data-label="金额"><span class="amount">870 元</span>' in html
