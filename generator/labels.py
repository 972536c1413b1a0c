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
    "previous-period": "上一规划期、同一地区的规划",
    "next-period": "下一规划期、同一地区的规划",
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

# The words of a comparison page that the browser composes (comparison-composer.js) as well as the
# pre-built pages print (comparison.md.j2); the composed-pair test holds the two to each other.
COMPOSER_TEXT = {
    "item": "项目", "level": "层级", "period": "规划期", "kind": "文件类型",
    "built-from": "本页各表均由两份文件的结构化数据计算生成；单元格中的文字链接到原文段落。",
    "indicators": "指标", "no-indicators": "两份文件都没有量化指标。", "indicator": "指标",
    "layouts": "空间布局", "no-layouts": "两份文件都没有列出功能区或园区。", "structures": "各文件的空间结构：",
    "document": "文件", "structure": "空间结构", "place": "地点", "first-suffix": "（文件一）",
    "second-suffix": "（文件二）", "change": "变化", "alignment": "对应",
    "sectors": "产业领域", "no-sectors": "两份文件都没有列出重点产业领域。", "sector": "产业领域",
    "related-open": "（另一文件列有相关领域：", "related-close": "）",
    "themes": "措施主题", "no-themes": "两份文件都没有归入主题的任务措施。", "theme": "主题",
    "goals": "发展目标", "no-goals": "两份文件都没有列出定性目标。", "goal-year": "目标年",
    "city-district": "市与区", "shared-indicators": "两级共有的指标", "no-shared-indicators": "两份文件没有共同的指标。",
    "city-prefix": "市级：", "district-prefix": "区级：", "no-district-places": "未提到。", "place-kind": "类型",
    "city-items": "市级文件中引用它的条目", "place-paragraphs": "写到它的原文段落",
    "judged-in": "的目标完成情况，在预生成的对照页上判定：",
    "choose-two": "请选择两份不同的文件。", "not-found": "找不到所选文件的对照数据，请从规划对照页重新选择。",
}
# Only a composed page says these: it shows no completion or ambition judgement.
COMPOSED_LIMITS = "上一期目标的完成情况和目标变化只在同一辖区相邻两期的预生成对照页上判定，组合的对照只并列两份文件的内容。"
COMPOSED_SAME_AREA = ("两份文件针对同一辖区（⟪first.jurisdiction⟫），但不是相邻的两期，同一指标的数值并列，"
                      "不作完成情况判断。")
