"""What each column of the open data means, in Chinese: the workbook's 说明 sheet prints these, and
tests/integration/test_open_data.py checks that content/open-data.md documents every column."""

from __future__ import annotations

INDICATOR_COLUMN_DOCS = {
    "plan_id": "规划编号（网页地址 plans/<plan_id>/）",
    "plan_title": "规划全称",
    "indicator_id": "指标登记表中的编号（indicators/<indicator_id>/）",
    "indicator_name": "指标的规范名称",
    "label": "该规划自己的表述",
    "unit": "单位，如 %、家、万平方米",
    "kind": "baseline（基期值）、target（目标值）或 actual（实际值）",
    "year": "数值所对应的年份",
    "comparator": "原文的比较词，如 超过、以上、不少于、比某年下降；原文没有则为空",
    "value": "数值；原文没有给出数字时为空",
    "value_text": "原文写法，如 达到600家、超1200亿元；始终保留",
    "inferred": "编辑推定而原文未写的部分：year（年份，如“十三五”期末按2020年记）或 kind（类型）；多个以 ； 分隔；为空表示原文写明",
    "note": "编辑说明：推定的依据、口径或原文的含糊之处",
    "source_url": "原文段落地址",
    "category": "该规划目标表中的类别；原文未分类则为空",
    "lead_units": "目标表写明的牵头单位，多个以 ； 分隔；原文未写则为空",
}
MEASURE_COLUMN_DOCS = {
    "plan_id": "规划编号",
    "plan_title": "规划全称",
    "kind": "条目类型：重点任务、保障措施或重点项目",
    "section": "上级条目（按原文层级）；顶层条目为空",
    "number": "原文的编号，如 一、（二）3.",
    "title": "条目标题",
    "lead_units": "牵头单位，多个以 ； 分隔；原文未写明则为空",
    "support_units": "配合单位，格式同上",
    "funds": "条目写明的金额（原文写法），多个以 ； 分隔",
    "deadlines": "条目写明的期限与时长（原文写法）",
    "other_quantities": "条目写明的其他数量（面积、数量、比例等，原文写法）；原文只用汉字或算式写数量时（如 一区五园、“1+9”），其后括注数值（计5园、计10份）及编者的读法说明",
    "text": "条目内容（取自原文；省略之处以 … 标出）",
    "source_url": "原文段落地址",
    "themes": "条目归入的措施主题，多个以 ； 分隔",
}
EVALUATION_COLUMN_DOCS = {
    "plan_id": "设定目标的规划",
    "indicator_id": "指标编号",
    "indicator_name": "指标规范名称",
    "target_year": "目标年份",
    "target_value_text": "目标的原文写法",
    "target_value": "目标数值",
    "actual_year": "后续文件报告的实际值的年份；没有则为空",
    "actual_value": "实际值；没有则为空",
    "actual_plan_id": "报告实际值的规划；没有则为空",
    "status": "met（已完成）、not-met（未完成）、no-actual（无实际值）、not-comparable（不可比）",
    "source_urls": "目标值与实际值的原文段落地址，以空格分隔",
}
