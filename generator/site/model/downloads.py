"""The site's downloads as readers are told of them: what each whole-site tidy table holds (the open-data
page and the data package say it alike)."""

TIDY_TITLES = {"headline": "各部门年度的主要数字（收支总计、基本支出、项目支出、“三公”经费……），每个一行，注明取自哪张表",
               "money": "全部预算、决算表的每一个数字（长表）", "indicators": "全部绩效指标", "projects": "全部项目",
               "glossary": "全部名词解释（每份文件所印的每个术语及其解释）"}
