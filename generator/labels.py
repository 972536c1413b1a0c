"""Chinese labels for the model's enumerations, shown on pages and in the open data notes."""

# What an editor inferred of a value, as the pages mark it (Value.inferred).
INFERRED = {"year": "年份系推定", "kind": "类型系推定"}
VALUE_KINDS = {"baseline": "基期值", "target": "目标值", "actual": "实际值"}
LEVELS = {"city": "市级", "district": "区级"}
# Kinds of page, as the search result list and its filter name them.
SEARCH_KINDS = {
    "plan": "规划",
    "comparison": "对照",
    "source": "原文",
    "indicators": "指标",
    "places": "地点",
    "organisations": "机构",
    "sectors": "产业",
    "themes": "主题",
    "page": "其他页面",
}
DOCUMENT_KINDS = {
    "plan": "规划",
    "implementation-plan": "实施方案",
    "action-plan": "行动计划",
    "policy": "政策意见",
    "notice": "通告（规范性文件）",
    "gazette-issue": "政府公报",
}
REGISTRIES = {
    "indicators": "指标",
    "sectors": "产业领域",
    "places": "地点与园区",
    "organisations": "机构",
    "themes": "措施主题",
}
PLACE_KINDS = {
    "district": "行政区",
    "zone": "功能区",
    "area": "片区",
    "park": "园区",
    "corridor": "产业带",
    "block": "产业区块",
    "building": "楼宇",
    "island": "岛",
}
ORGANISATION_KINDS = {
    "government": "政府部门",
    "institution": "机构",
    "university": "高校",
    "company": "企业",
    "association": "社会组织",
    "other": "其他",
}
QUANTITY_KINDS = {
    "funds": "资金",
    "count": "数量",
    "area": "面积",
    "deadline": "期限",
    "share": "比例",
    "duration": "时长",
    "other": "其他",
}
NOTE_KINDS = {
    "inconsistency": "前后不一致",
    "ambiguity": "表述含糊",
    "truncation": "原文缺失",
    "omission": "未收录",
    "other": "说明",
}
REFERENCE_ROLES = {
    "lead_units": "牵头",
    "support_units": "配合",
    "organisations": "涉及",
    "issuer": "印发",
    "places": "涉及",
    "place": "对应",
    "sectors": "涉及",
    "sector": "对应",
}
# How a plan relates to another plan it is compared with, as its page lists the comparisons.
COMPARISON_RELATIONS = {
    "predecessor": "上一期规划",
    "successor": "下一期规划",
    "sibling": "同期、同一地区的规划",
    "city": "同期的市级规划",
    "district": "同期的区级规划",
}
EVALUATION_STATUSES = {"met": "已完成", "not-met": "未完成", "no-actual": "无实际值", "not-comparable": "不可比"}
AMBITION_CHANGES = {"new": "新增", "dropped": "不再设定", "raised": "提高", "lowered": "降低", "unchanged": "不变",
                    "not-comparable": "不可比"}
LAYOUT_CHANGES = {"continued": "延续", "renamed": "名称变化", "succeeded": "由后继地点接续", "added": "新列入",
                  "not-listed": "未再列出", "recalled-by-second": "未再列入布局，只作为上一期成效提及",
                  "recalled-by-first": "新列入（前一期只作为成效提及）", "recalled-by-both": "两期都只作为成效提及",
                  "recalled-only-in-first": "只有前一期作为成效提及", "recalled-only-in-second": "只有后一期作为成效提及"}
SECTOR_CHANGES = {"continued": "延续", "relabelled": "表述变化", "added": "新列入", "not-listed": "未再列出"}
# For two plans that are not an earlier and a later plan of one area, the same
# codes say how they line up rather than what changed.
LAYOUT_ALIGNMENTS = {"continued": "两者都列出", "renamed": "名称不同", "succeeded": "前身与后继", "added": "仅文件二列出",
                     "not-listed": "仅文件一列出", "recalled-by-second": "文件一列入布局，文件二作为成效提及",
                     "recalled-by-first": "文件二列入布局，文件一作为成效提及", "recalled-by-both": "两者都只作为成效提及",
                     "recalled-only-in-first": "仅文件一作为成效提及", "recalled-only-in-second": "仅文件二作为成效提及"}
SECTOR_ALIGNMENTS = {"continued": "两者都列出", "relabelled": "表述不同", "added": "仅文件二列出", "not-listed": "仅文件一列出"}
THEMED_ITEM_KINDS = {"measure": "任务", "safeguard": "保障", "key-project": "项目"}
