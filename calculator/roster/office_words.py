"""The words a 街镇's register uses, beyond the calculator's own: family types, yes and no, column names.

A register says 伤残 / 死亡 / 失独 where the form says 独生子女伤残家庭 / 独生子女死亡家庭, ticks √ and ×
for yes and no, and names its columns 是否持证, 户籍地址, 身份证号. Everything here is what the README and
/roster/ list as accepted; anything else is reported as not understood, never guessed.
"""

from __future__ import annotations

# Family types as registers write them (失独: the only child has died — the death family).
FAMILY_WORDS = {
    "child_deceased": ("死亡", "死亡家庭", "独生子女死亡", "失独", "失独家庭", "特扶死亡", "特别扶助死亡"),
    "child_disabled": ("伤残", "伤残家庭", "独生子女伤残", "残疾", "独生子女残疾家庭", "特扶伤残", "特别扶助伤残"),
}
TRUE_WORDS = ("是", "有", "√", "✓", "✔", "对", "持证", "已持证", "已办", "已办证", "true", "1", "yes", "y")
FALSE_WORDS = ("否", "无", "没有", "×", "✗", "✘", "未持证", "无证", "未办", "未办证", "false", "0", "no", "n")
UNKNOWN_WORDS = ("不清楚", "不详", "未知", "待查", "null")

# Register column names → the fact column they stand for; ``NOTES`` says how one is read (the summary).
COLUMN_ALIASES = {"是否持证": "特别扶助证", "持证情况": "特别扶助证", "扶助证": "特别扶助证",
                  "是否本区户籍": "本区户籍", "配偶是否本区户籍": "配偶本区户籍", "类别": "家庭类别",
                  "家庭类型": "家庭类别", "扶助类别": "家庭类别"}
# Templates: ``{assistance_cert_full}`` and the like are filled from words.toml (calculator.vocabulary.fill).
COLUMN_NOTES = {"是否持证": "“是否持证”一列按{assistance_cert_full}（{assistance_cert}）读",
                "持证情况": "“持证情况”一列按{assistance_cert_full}（{assistance_cert}）读"}

# The register's own columns, not facts: what each is read for.
REGISTER_COLUMNS = {
    "身份证号": "id", "身份证号码": "id", "公民身份号码": "id", "身份证": "id",
    "配偶身份证号": "partner_id", "配偶身份证号码": "partner_id", "配偶身份证": "partner_id",
    "姓名": "name", "配偶姓名": "partner_name", "配偶": "partner_name",
    "户籍地址": "address", "户籍所在地": "address", "户口所在地": "address", "户籍地": "address",
    "性别": "sex",
}
HOME_DISTRICT = "松江区"
ADDRESS_NOTE = "没有“本区户籍”一列：户籍地址写有“松江区”的按本区户籍计算，其他的按户籍未填写（待核实）"
