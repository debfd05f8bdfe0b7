"""Languages: the interface strings and locale formatting of numbers, dates and periods.

The language is always passed in; nothing here holds a current language.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from site_builder.content import periods
from site_builder.content.locators import locator as locator
from site_builder.content.languages import LANGS as LANGS
from site_builder.content.languages import LEVEL_NAMES, MEASURE_UNIT_NAMES, UNTRANSLATED
from site_builder.content.languages import Lang as Lang

# The site's name is the brand and what the site is; the home page's heading is the latter alone,
# since the header beside it already shows the whole name.
BRAND = "Minh Bạch"
TAGLINE: dict[Lang, str] = {"vi": "Dữ liệu mở về cải cách hành chính", "en": "Open data on administrative reform"}
SITE_NAME: dict[Lang, str] = {lang: f"{BRAND} — {tagline}" for lang, tagline in TAGLINE.items()}

STRINGS: dict[str, dict[str, str]] = {
    "home": {"vi": "Trang chủ", "en": "Home"},
    "units": {"vi": "Đơn vị", "en": "Units"},
    "reports": {"vi": "Báo cáo", "en": "Reports"},
    "indicators": {"vi": "Chỉ số", "en": "Indicators"},
    "datasets": {"vi": "Dữ liệu", "en": "Datasets"},
    "targets": {"vi": "Chỉ tiêu", "en": "Targets"},
    "glossary": {"vi": "Thuật ngữ", "en": "Glossary"},
    "about": {"vi": "Giới thiệu và phương pháp", "en": "About and methodology"},
    "untranslated": UNTRANSLATED,
    "other_language": {"vi": "English", "en": "Tiếng Việt"},
    "latest_reports": {"vi": "Báo cáo mới nhất", "en": "Latest reports"},
    "headline_figures": {"vi": "Số liệu nổi bật", "en": "Headline figures"},
    "all_units": {"vi": "Tất cả đơn vị", "en": "All units"},
    "all_reports": {"vi": "Tất cả báo cáo", "en": "All reports"},
    "all_datasets": {"vi": "Tất cả bộ dữ liệu", "en": "All datasets"},
    "identity": {"vi": "Thông tin đơn vị", "en": "About this unit"},
    "at_a_glance": {"vi": "Số liệu chính", "en": "At a glance"},
    "reorg_went_html": {"vi": "Từ ngày 1/7/2025, đơn vị này đã {fate}; đơn vị kế thừa:", "en": "Since 1 July 2025 this unit has been {fate}; its successor:"},
    "reorg_took_over": {"vi": "Từ ngày 1/7/2025, đơn vị này tiếp nhận:", "en": "Since 1 July 2025 this unit has taken over:"},
    "below": {"vi": "Các đơn vị trực thuộc", "en": "Units below"},
    "coverage_html": {"vi": "Có số liệu hoặc báo cáo trên trang này: {reporting}/{total} {level}.", "en": "Figures or reports on this site: {reporting} of {total} {level}."},
    "sums": {"vi": "Cộng từ các đơn vị trực thuộc", "en": "Added up from the units below"},
    "sums_lead": {"vi": "Chỉ cộng những chỉ tiêu cộng được giữa các đơn vị (số việc phát sinh trong kỳ, như hồ sơ tiếp nhận; không cộng tỷ lệ, điểm số hay số tồn tại một thời điểm), của các đơn vị cùng cấp, cùng một kỳ; không cộng số liệu của cơ quan vào đơn vị chứa nó.",
                  "en": "Only indicators that add up across units are added (things counted during the period, such as dossiers received; never rates, scores or stocks at a date), over units of one level, for the very same period; an office's figures are never added to the unit that contains it."},
    "rows_count": {"vi": "dòng", "en": "rows"},
    "sum_total": {"vi": "Tổng", "en": "Total"},
    "sum_of": {"vi": "Số đơn vị, kỳ", "en": "Units, period"},
    "sum_parts": {"vi": "Các số được cộng", "en": "The figures added up"},
    "below_reports_more_html": {"vi": "Đang hiện {shown} báo cáo mới nhất trong {total}: xem tất cả trong danh sách báo cáo",
                                "en": "Showing the latest {shown} of {total} reports: see them all in the list of reports"},
    "sum_parts_in_table": {"vi": "Các số được cộng: cột này trong bảng đơn vị trực thuộc", "en": "The figures added up: this column of the table of units below"},
    "below_units": {"vi": "Đơn vị trực thuộc có số liệu hoặc báo cáo", "en": "Units below with figures or reports"},
    "below_reports": {"vi": "Báo cáo của các đơn vị trực thuộc", "en": "Reports of the units below"},
    "conflict_note": {"vi": "Báo cáo ghi hai số khác nhau cho cùng một chỉ số và kỳ; cả hai được công bố đúng như văn bản, không chọn số nào.", "en": "The reports give different numbers for the same indicator and period; both are published as written, neither is chosen."},
    "conflict_in": {"vi": "Số khác nhau", "en": "Differing values"},
    "topic.dossiers": {"vi": "Hồ sơ thủ tục hành chính", "en": "Dossiers"},
    "topic.online": {"vi": "Dịch vụ công trực tuyến, thanh toán", "en": "Online services and payments"},
    "topic.satisfaction": {"vi": "Mức độ hài lòng", "en": "Satisfaction"},
    "topic.feedback": {"vi": "Phản ánh, kiến nghị, hỏi đáp", "en": "Feedback and questions"},
    "topic.procedures": {"vi": "Thủ tục hành chính", "en": "Procedures"},
    "topic.digital": {"vi": "Chuyển đổi số, văn bản điện tử", "en": "Digitisation and e-documents"},
    "topic.staff": {"vi": "Cán bộ, công chức", "en": "Staff"},
    "topic.organisation": {"vi": "Tổ chức bộ máy", "en": "Organisation"},
    "topic.direction": {"vi": "Chỉ đạo, điều hành, pháp chế", "en": "Direction and legal work"},
    "topic.budget": {"vi": "Tài chính, ngân sách", "en": "Budget and finance"},
    "topic.indices": {"vi": "Chỉ số đánh giá", "en": "Index results"},
    "topic.other": {"vi": "Khác", "en": "Other"},
    "levels.district": {"vi": "huyện", "en": "districts"},
    "levels.commune": {"vi": "xã", "en": "communes"},
    "level": {"vi": "Cấp", "en": "Level"},
    "topic": {"vi": "Chủ đề", "en": "Topic"},
    "province": {"vi": "Tỉnh, thành phố", "en": "Province or city"},
    "all_provinces": {"vi": "Tất cả tỉnh, thành phố", "en": "All provinces and cities"},
    "pages_of_list": {"vi": "Các trang của danh sách", "en": "Pages of the list"},
    "list_by_province": {"vi": "{n} dòng, xếp theo tỉnh, thành phố: chọn một tỉnh để xem danh sách của tỉnh đó.",
                         "en": "{n} rows, by province or city: choose one to see its list."},
    "parent": {"vi": "Trực thuộc", "en": "Part of"},
    "children": {"vi": "Đơn vị trực thuộc", "en": "Units within"},
    "admin_code": {"vi": "Mã đơn vị hành chính (QĐ 124/2004/QĐ-TTg)", "en": "Administrative-unit code (Decision 124/2004/QĐ-TTg)"},
    "website": {"vi": "Trang thông tin điện tử", "en": "Website"},
    "reorg": {"vi": "Sắp xếp đơn vị hành chính 1/7/2025", "en": "1 July 2025 reorganisation"},
    "reorg.continued": {"vi": "tiếp tục", "en": "continued"},
    "reorg.merged": {"vi": "sáp nhập", "en": "merged"},
    "reorg.abolished": {"vi": "chấm dứt hoạt động", "en": "abolished"},
    "reorg.new": {"vi": "thành lập mới", "en": "newly formed"},
    "reorg.unknown": {"vi": "chưa rõ", "en": "not yet known"},
    "successor": {"vi": "Đơn vị kế thừa", "en": "Successor"},
    "none": {"vi": "không có", "en": "none"},
    "its_reports": {"vi": "Báo cáo của đơn vị", "en": "Reports of this unit"},
    "figures_from_reports": {"vi": "Số liệu trong các báo cáo", "en": "Figures in the reports"},
    "downloads": {"vi": "Tải dữ liệu", "en": "Downloads"},
    "download.places": {"vi": "Tải theo đơn vị", "en": "Downloads of a place"},
    "download.places_lead": {"vi": "Trang của mỗi đơn vị có các số liệu của đơn vị đó để tải về; trang của tỉnh, huyện (và của cơ quan có đơn vị trực thuộc) có thêm các số liệu của mọi đơn vị trực thuộc, dạng CSV và Excel. Các tệp kèm tên có tên tiếng Việt hoặc tiếng Anh cạnh các mã; số viết như nhau ở hai thứ tiếng (dấu chấm thập phân, không phân cách hàng nghìn).",
                             "en": "Each unit's page offers its figures for download; the page of a province or a district (and of an office with offices of its own) also offers the figures of every unit within it, as CSV and Excel. The files with names carry Vietnamese or English names beside the codes; numbers are written the same in both languages (dot decimal, no thousands separator)."},
    "download.places_columns": {"vi": "Các cột của tệp kèm tên (và của sheet figures)", "en": "Columns of the files with names (and of the figures sheet)"},
    "download.places_units_sheet": {"vi": "Các cột của sheet units trong tệp Excel", "en": "Columns of the workbook's units sheet"},
    "download.place_named_csv": {"vi": "CSV các số liệu của đơn vị này, kèm tên tiếng Việt", "en": "CSV of this unit's figures, with names in English"},
    "download.place_codes_csv": {"vi": "CSV các số liệu của đơn vị này, chỉ có mã (các cột của gói dữ liệu)",
                                 "en": "CSV of this unit's figures, codes only (the data package's columns)"},
    "download.place_below_csv": {"vi": "CSV các số liệu của đơn vị này và mọi đơn vị trực thuộc, kèm tên tiếng Việt",
                                 "en": "CSV of the figures of this unit and every unit within it, with names in English"},
    "download.place_below_xlsx": {"vi": "Excel (XLSX) các số liệu của đơn vị này và mọi đơn vị trực thuộc: số liệu, danh sách đơn vị, mô tả các cột, nguồn và giấy phép",
                                  "en": "Excel (XLSX) of the figures of this unit and every unit within it: figures, the units, what each column holds, source and licence"},
    "download_report_csv": {"vi": "CSV các số liệu của báo cáo này", "en": "CSV of this report's figures"},
    "number": {"vi": "Số, ký hiệu", "en": "Number"},
    "date": {"vi": "Ngày ban hành", "en": "Date"},
    "document_type": {"vi": "Loại văn bản", "en": "Document type"},
    "issuer": {"vi": "Cơ quan ban hành", "en": "Issued by"},
    "about_unit": {"vi": "Đơn vị báo cáo", "en": "Reporting unit"},
    "signer": {"vi": "Người ký", "en": "Signed by"},
    "period": {"vi": "Kỳ báo cáo", "en": "Period covered"},
    "recipients": {"vi": "Nơi nhận", "en": "Recipients"},
    "summary": {"vi": "Tóm tắt", "en": "Summary"},
    "contents": {"vi": "Nội dung", "en": "Contents"},
    "assessments": {"vi": "Đánh giá", "en": "Assessment"},
    "achievements": {"vi": "Kết quả đạt được", "en": "Achievements"},
    "limitations": {"vi": "Tồn tại, hạn chế", "en": "Limitations"},
    "causes": {"vi": "Nguyên nhân", "en": "Causes"},
    "next_tasks": {"vi": "Nhiệm vụ, phương hướng", "en": "Next tasks"},
    "recommendations": {"vi": "Kiến nghị, đề xuất", "en": "Recommendations"},
    "legal_references": {"vi": "Văn bản được viện dẫn", "en": "Documents cited"},
    "figures": {"vi": "Số liệu", "en": "Figures"},
    "source_text": {"vi": "Văn bản gốc", "en": "Original text"},
    "source_text_link": {"vi": "Xem văn bản gốc như đã nhận", "en": "See the original text as received"},
    "ocr_source": {"vi": "Nguồn OCR (nhận dạng ký tự), giữ nguyên như đã nhận, chưa hiệu đính", "en": "OCR source (optical character recognition), kept exactly as received, uncorrected"},
    "ocr_label": {"vi": "bản OCR", "en": "OCR text"},
    "plain_source": {"vi": "Văn bản nguồn, giữ nguyên như đã nhận", "en": "Source text, kept exactly as received"},
    "diacritics_restored": {"vi": "Bản OCR bị mất dấu tiếng Việt; nội dung trên trang báo cáo đã được khôi phục dấu.", "en": "The OCR lost the Vietnamese diacritics; the report page restores them."},
    "indicator": {"vi": "Chỉ số", "en": "Indicator"},
    "unit": {"vi": "Đơn vị", "en": "Unit"},
    "value": {"vi": "Giá trị", "en": "Value"},
    "quote": {"vi": "Câu trích nguyên văn", "en": "Quoted sentence (original spelling)"},
    "where": {"vi": "Vị trí", "en": "Where"},
    "note": {"vi": "Ghi chú", "en": "Note"},
    "missing_value": {"vi": "không có số liệu (\"/\")", "en": "not given (\"/\")"},
    "flag.inconsistent": {"vi": "không nhất quán", "en": "inconsistent"},
    "flag.ocr_uncertain": {"vi": "OCR không chắc chắn", "en": "uncertain OCR"},
    "flag.rounding": {"vi": "làm tròn", "en": "rounding"},
    "identities": {"vi": "Đẳng thức được kiểm tra", "en": "Identities checked"},
    "derived.impossible": {"vi": "Không tính được, hai số liệu công bố mâu thuẫn nhau", "en": "Not computed: the published figures contradict each other"},
    "definition": {"vi": "Định nghĩa", "en": "Definition"},
    "measure_unit": {"vi": "Đơn vị tính", "en": "Unit of measure"},
    "higher_is_better": {"vi": "Chiều tốt", "en": "Better when"},
    "higher": {"vi": "càng cao càng tốt", "en": "higher"},
    "lower": {"vi": "càng thấp càng tốt", "en": "lower"},
    "neutral": {"vi": "không xác định", "en": "neither"},
    "formula": {"vi": "Công thức", "en": "Formula"},
    "frameworks": {"vi": "Phục vụ chỉ số", "en": "Feeds"},
    "field": {"vi": "Lĩnh vực", "en": "Reform field"},
    "fw.par_index": {"vi": "PAR INDEX", "en": "PAR INDEX"},
    "fw.sipas": {"vi": "SIPAS", "en": "SIPAS"},
    "fw.papi": {"vi": "PAPI", "en": "PAPI"},
    "fw.pci": {"vi": "PCI", "en": "PCI"},
    "fw.qd766": {"vi": "Bộ chỉ số QĐ 766/QĐ-TTg", "en": "Decision 766/QĐ-TTg indicators"},
    "rf.direction": {"vi": "Chỉ đạo, điều hành", "en": "Direction and management"},
    "rf.institutions": {"vi": "Cải cách thể chế", "en": "Institutional reform"},
    "rf.procedures": {"vi": "Cải cách thủ tục hành chính", "en": "Administrative procedure reform"},
    "rf.organisation": {"vi": "Cải cách tổ chức bộ máy", "en": "Organisational reform"},
    "rf.civil_service": {"vi": "Cải cách chế độ công vụ", "en": "Civil service reform"},
    "rf.public_finance": {"vi": "Cải cách tài chính công", "en": "Public finance reform"},
    "rf.e_government": {"vi": "Chính quyền điện tử, chính quyền số", "en": "E-government and digital government"},
    "rf.communication": {"vi": "Thông tin, tuyên truyền", "en": "Communication"},
    "rf.indices": {"vi": "Các chỉ số đánh giá", "en": "Performance indices"},
    "rf.other": {"vi": "Nội dung khác", "en": "Other"},
    "dt.bao_cao": {"vi": "Báo cáo", "en": "Report"},
    "dt.chi_thi": {"vi": "Chỉ thị", "en": "Directive"},
    "dt.ke_hoach": {"vi": "Kế hoạch", "en": "Plan"},
    "dt.quyet_dinh": {"vi": "Quyết định", "en": "Decision"},
    "dt.cong_van": {"vi": "Công văn", "en": "Official letter"},
    "dt.nghi_quyet": {"vi": "Nghị quyết", "en": "Resolution"},
    "dataset": {"vi": "Bộ dữ liệu", "en": "Dataset"},
    "rows": {"vi": "Số dòng", "en": "Rows"},
    "licence": {"vi": "Giấy phép", "en": "Licence"},
    "field_name": {"vi": "Trường", "en": "Field"},
    "type": {"vi": "Kiểu", "en": "Type"},
    "description": {"vi": "Mô tả", "en": "Description"},
    "resource": {"vi": "Tệp", "en": "File"},
    "all_rows_csv": {"vi": "Toàn bộ (CSV)", "en": "Everything (CSV)"},
    "values_by_unit": {"vi": "Giá trị theo đơn vị", "en": "Values by unit"},
    "no_data": {"vi": "Chưa có số liệu", "en": "No data yet"},
    "map": {"vi": "Bản đồ", "en": "Map"},
    "map.caption": {"vi": "{indicator}, {period}. Bản đồ {layout}; mỗi ô là một tỉnh, thành phố, chọn ô để mở trang của tỉnh.",
                    "en": "{indicator}, {period}. Map of {layout}; each tile is a province, select a tile to open its page."},
    "map.places_caption": {"vi": "Các tỉnh, thành phố có báo cáo. Bản đồ {layout}; chọn ô để mở trang của tỉnh.",
                           "en": "Provinces with reports. Map of {layout}; select a tile to open its page."},
    "map.legend": {"vi": "Chú giải", "en": "Legend"},
    "map.no_data": {"vi": "Chưa có số liệu", "en": "No data"},
    "map.bound": {"vi": "Chỉ biết giới hạn (trên, dưới): không tô màu", "en": "Only a bound given (more than, less than): not coloured"},
    "map.has_reports": {"vi": "Có báo cáo", "en": "Has reports"},
    "map.no_reports": {"vi": "Chưa có báo cáo", "en": "No reports yet"},
    "map.reports_n": {"vi": "{n} báo cáo", "en": "{n} reports"},
    "map.table": {"vi": "Bảng số liệu của bản đồ", "en": "The map as a table"},
    "comparator.>=": {"vi": "≥", "en": "≥"},
    "comparator.<=": {"vi": "≤", "en": "≤"},
    "comparator.=": {"vi": "=", "en": "="},
    "deadline": {"vi": "Thời hạn", "en": "Deadline"},
    "no_deadline": {"vi": "văn bản không nêu thời hạn", "en": "no deadline set"},
    "recurrence.annual": {"vi": "hằng năm", "en": "every year"},
    "recurrence.once": {"vi": "một lần", "en": "once"},
    "data_period": {"vi": "Kỳ số liệu", "en": "Data period"},
    "until": {"vi": "đến", "en": "to"},
    "target": {"vi": "Chỉ tiêu", "en": "Target"},
    "scope": {"vi": "Phạm vi", "en": "Scope"},
    "term": {"vi": "Viết tắt / thuật ngữ", "en": "Abbreviation / term"},
    "expansion_vi": {"vi": "Tiếng Việt", "en": "Vietnamese"},
    "expansion_en": {"vi": "Tiếng Anh", "en": "English"},
    "source_report": {"vi": "Báo cáo nguồn", "en": "Source report"},
    "chart_alt": {"vi": "Biểu đồ", "en": "Chart"},
    "data_table": {"vi": "Bảng số liệu của biểu đồ", "en": "The chart's data"},
    "translation_status": {"vi": "Mức độ dịch sang tiếng Anh", "en": "English translation coverage"},
    "published_vs_recomputed": {"vi": "Công bố / tính lại", "en": "Published / recomputed"},
    "recomputed": {"vi": "Tính lại", "en": "Recomputed"},
    "published": {"vi": "Công bố", "en": "Published"},
    "from_flagged": {"vi": "tính từ số liệu không nhất quán", "en": "computed from an inconsistent figure"},
    "reports_count": {"vi": "báo cáo", "en": "reports"},
    "units_count": {"vi": "đơn vị", "en": "units"},
    "figures_count": {"vi": "số liệu", "en": "figures"},
    "view_report": {"vi": "Xem báo cáo", "en": "View report"},
    # Report an error (publish.report_error): the links, and the new issue's title and body
    "report_error.figure": {"vi": "Báo lỗi số liệu này", "en": "Report an error in this figure"},
    "report_error.report": {"vi": "Báo lỗi trong báo cáo này", "en": "Report an error in this report"},
    "report_error.figure_title": {"vi": "Lỗi số liệu {id}", "en": "Error in figure {id}"},
    "report_error.report_title": {"vi": "Lỗi trong báo cáo {label}", "en": "Error in report {label}"},
    "report_error.page": {"vi": "Trang", "en": "Page"},
    "report_error.figure_label": {"vi": "Số liệu", "en": "Figure"},
    "report_error.describe": {"vi": "Lỗi là gì? Số đúng là bao nhiêu, và văn bản nào ghi số đó?",
                              "en": "What is wrong? What is the right number, and which document gives it?"},
    "provenance": {"vi": "Nguồn của số liệu", "en": "Where this figure comes from"},
    "report_figures_lead": {"vi": "Các số liệu đọc được từ văn bản, xếp theo mục của văn bản. Bấm vào một giá trị để xem câu trích nguyên văn, vị trí trong văn bản và ghi chú.", "en": "The figures read from the document, by its sections. Select a value to see the sentence it was read from, where it stands in the document and any note."},
    "figures_about": {"vi": "Số liệu của", "en": "Figures about"},
    "figures_about_others": {"vi": "dòng nào của đơn vị khác thì ghi tên đơn vị đó", "en": "a row about another unit names it"},
    "figures_by_section": {"vi": "Số liệu theo mục của văn bản", "en": "Figures by section of the document"},
    "figure_period": {"vi": "Kỳ", "en": "Period"},
    "figure_id": {"vi": "Mã", "en": "Id"},
    "close": {"vi": "Đóng", "en": "Close"},
    "row_source": {"vi": "Nguồn", "en": "Source"},
    "report_error.row": {"vi": "Báo lỗi số liệu của dòng này", "en": "Report an error in this row's figures"},
    "unit_table_lead_html": {"vi": "Mỗi dòng một đơn vị, {period}; nút “Nguồn” ở đầu dòng mở dòng trích nguyên văn của văn bản.",
                        "en": "A row per unit, {period}; the “Source” button at the start of a row opens the document's line it was read from."},
    "see_note": {"vi": "xem ghi chú", "en": "see the note"},
    "document_note": {"vi": "Ghi chú về văn bản", "en": "Note on the document"},
    "table_in_words": {"vi": "Các dòng của bảng, bằng lời", "en": "The table's rows, in words"},
    "table_above": {"vi": "bảng ở phía trên", "en": "table above"},
    "legal_references_list": {"vi": "Danh sách văn bản", "en": "The list of documents"},
    "breakdown": {"vi": "Phân tổ", "en": "Breakdown"},
    "total": {"vi": "tổng", "en": "total"},
    "latest_figure": {"vi": "Số liệu mới nhất", "en": "Latest figure"},
    "status": {"vi": "Tình trạng", "en": "Status"},
    "status.met": {"vi": "đạt", "en": "met"},
    "status.not_met": {"vi": "chưa đạt", "en": "not met"},
    "status.no_data": {"vi": "chưa có số liệu", "en": "no data"},
    "targets_lead": {"vi": "Mỗi chỉ tiêu được so với số liệu mới nhất của đơn vị chịu chỉ tiêu (hoặc đơn vị trực thuộc). Chỉ tiêu áp dụng cho một phạm vi hẹp (ví dụ lĩnh vực đất đai) chỉ được so khi có số liệu đúng phạm vi đó.", "en": "Each target is compared with the latest figure of the unit it binds (or of a unit within it). A target set for a narrower scope (for example land) is compared only with figures for that scope."},
    "find_unit": {"vi": "Tìm xã, huyện, tỉnh của bạn", "en": "Find your commune, district or province"},
    # the header's light/dark switch: named by what it does from the scheme shown
    "palette.default": {"vi": "Chuyển sang nền tối", "en": "Switch to dark mode"},
    "palette.slate": {"vi": "Chuyển sang nền sáng", "en": "Switch to light mode"},
    "finder_more": {"vi": "{n} đơn vị trực thuộc", "en": "{n} units in it"},
    "finder_province": {"vi": "Tỉnh", "en": "Province"},
    "finder_all_provinces": {"vi": "Tất cả các tỉnh", "en": "All provinces"},
    "finder_name": {"vi": "Tên đơn vị", "en": "Name of the unit"},
    "finder_placeholder": {"vi": "ví dụ: Loc Ninh, Đắk Nông", "en": "e.g. Loc Ninh, Đắk Nông"},
    "finder_help": {"vi": "Gõ có dấu hoặc không dấu.", "en": "Vietnamese names can be typed with or without diacritics."},
    "finder_none": {"vi": "Không có đơn vị nào khớp.", "en": "No unit matches."},
    "finder_one": {"vi": "1 đơn vị", "en": "1 unit"},
    "finder_other": {"vi": "% đơn vị", "en": "% units"},
    "glossary_intro": {"vi": "Các chữ viết tắt và thuật ngữ trong văn bản gốc, với nghĩa đầy đủ và thuật ngữ tiếng Anh dùng trên trang này. Trên các trang khác, chữ viết tắt được gạch chân bằng dấu chấm: đưa chuột vào hoặc chạm vào để xem nghĩa.", "en": "The abbreviations and terms of the source documents, spelled out, with the English used on this site. On other pages an abbreviation is underlined with dots: hover over it, or tap it on a phone, to see what it stands for."},
    "api": {"vi": "API dữ liệu", "en": "Data API"},
    "changelog": {"vi": "Nhật ký thay đổi dữ liệu", "en": "Data changelog"},
    "bundle": {"vi": "Tải toàn bộ", "en": "Everything at once"},
    "version": {"vi": "Phiên bản", "en": "Version"},
    "how_to_cite": {"vi": "Cách trích dẫn", "en": "How to cite"},
    "last_updated": {"vi": "Cập nhật lần cuối", "en": "Last updated"},
    "contributors": {"vi": "Đơn vị thực hiện", "en": "Contributors"},
    "stable_url": {"vi": "Địa chỉ ổn định", "en": "Stable address"},
    "unreleased": {"vi": "Chưa phát hành", "en": "Not yet released"},
    "since": {"vi": "so với phiên bản", "en": "since version"},
    "first_release": {"vi": "phiên bản đầu tiên", "en": "first release"},
    "added": {"vi": "thêm mới", "en": "added"},
    "changed": {"vi": "sửa đổi", "en": "changed"},
    "removed": {"vi": "bỏ đi", "en": "removed"},
    "no_changes": {"vi": "Không có thay đổi.", "en": "No changes."},
    "headline_top_only": {"vi": "Số liệu nổi bật của các tỉnh, thành phố; số liệu của từng xã, phường có ở trang của đơn vị đó.",
                          "en": "Headline figures of the provinces and cities; each commune's and ward's are on its own page."},
    "latest_rows": {"vi": "Trang này liệt kê {n} giá trị mới nhất trong tổng số {total}; tệp CSV bên dưới có đủ tất cả.",
                    "en": "This page lists the latest {n} of {total} values; the CSV below has them all."},
    "conventions": {"vi": "Quy ước", "en": "Conventions"},
    "endpoint": {"vi": "Điểm truy cập", "en": "Endpoints"},
    "example": {"vi": "Ví dụ", "en": "Example"},
    "schema": {"vi": "Lược đồ JSON", "en": "JSON Schema"},
    "shortened": {"vi": "mỗi danh sách chỉ giữ phần tử đầu", "en": "each list cut to its first item"},
    "fields": {"vi": "Các trường", "en": "Fields"},
    # Page leads and notes. A key ending in _html holds markup of ours (links, <code>), printed
    # as it is by Lang.html(); every other string is plain text, escaped where it lands.
    "home.lead": {"vi": "Minh Bạch đưa các báo cáo cải cách hành chính của tỉnh, huyện, xã thành dữ liệu mở: mỗi số liệu có nguồn, có câu trích nguyên văn, có thể tải về và so sánh.",
                  "en": "Minh Bạch turns the administrative-reform reports of provinces, districts and communes into open data: every figure has its source and the sentence it was read from, and can be downloaded and compared."},
    "api.lead_html": {"vi": 'Dữ liệu của trang này cũng có dạng JSON tĩnh: một tệp cho mỗi đơn vị, chỉ số và báo cáo, không cần khóa, không giới hạn truy cập, giấy phép <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>. Mỗi phản hồi có lược đồ JSON Schema (bản 2020-12) đi kèm.',
                      "en": 'The data of this site is also served as static JSON: one file per unit, indicator and report, with no key and no rate limit, under the <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a> licence. Every response has a JSON Schema (draft 2020-12).'},
    "api.convention.paths_html": {"vi": "Các đường dẫn trong phản hồi (<code>page</code>, <code>csv</code>, <code>api</code>, <code>provenance.page</code>) tính từ gốc của trang web; <code>page</code> có bản tiếng Việt (<code>vi</code>) và tiếng Anh (<code>en</code>).",
                                  "en": "Paths in responses (<code>page</code>, <code>csv</code>, <code>api</code>, <code>provenance.page</code>) are relative to the site root; <code>page</code> gives the Vietnamese (<code>vi</code>) and English (<code>en</code>) page."},
    "api.convention.texts_html": {"vi": 'Văn bản song ngữ là <code>{"vi": …, "en": …}</code>; <code>en</code> là <code>null</code> khi chưa dịch.',
                                  "en": 'Bilingual texts are <code>{"vi": …, "en": …}</code>; <code>en</code> is <code>null</code> when not yet translated.'},
    "api.convention.values_html": {"vi": "Giá trị không có là <code>null</code>, không bao giờ là 0. Ngày theo dạng <code>YYYY-MM-DD</code>. Tỷ lệ phần trăm ghi như 72.3.",
                                   "en": "A value that is not given is <code>null</code>, never 0. Dates are <code>YYYY-MM-DD</code>. Percentages are written as 72.3."},
    "api.convention.provenance_html": {"vi": "Mỗi số liệu có <code>provenance</code>: báo cáo, vị trí trong báo cáo, câu trích nguyên văn (giữ nguyên chính tả của bản gốc, kể cả lỗi OCR), với bản OCR mất dấu thì cả câu đó bằng tiếng Việt chuẩn do dự án khôi phục (<code>quote_reading</code>, giữ nguyên mọi chữ và chữ số), và trang hiển thị câu đó.",
                                       "en": "Every figure carries its <code>provenance</code>: the report, where in it, the verbatim sentence (in the source's own spelling, OCR damage included), for an OCR text that lost its diacritics the same sentence in correct Vietnamese as the project restored it (<code>quote_reading</code>, every word and digit kept), and the page that shows it."},
    "api.convention.meta_html": {"vi": "<code>meta</code> cho biết phiên bản dữ liệu (<code>data_version</code>), ngày cập nhật, giấy phép và lược đồ của phản hồi.",
                                 "en": "<code>meta</code> gives the data version (<code>data_version</code>), the last update, the licence and the response's schema."},
    "api.describe.index": {"vi": "Danh mục: các điểm truy cập, các bộ dữ liệu và cách trích dẫn, các tệp tải toàn bộ.", "en": "The index: the endpoints, the datasets with how to cite them, and the bundle downloads."},
    "api.describe.units": {"vi": "Mọi đơn vị (tỉnh, huyện, xã, cơ quan, cơ quan Đảng), với số số liệu và đường dẫn.", "en": "Every unit (province, district, commune, office, party body), with counts and links."},
    "api.describe.unit": {"vi": "Một đơn vị: vị trí trong cây đơn vị, các báo cáo, mọi số liệu (đúng các dòng của tệp CSV của đơn vị) và chỉ tiêu.",
                          "en": "One unit: its place in the tree, its reports, every figure (exactly the rows of the unit's CSV) and its targets."},
    "api.describe.indicators": {"vi": "Danh mục chỉ số.", "en": "The catalogue of indicators."},
    "api.describe.indicator": {"vi": "Một chỉ số: định nghĩa, mọi giá trị đã công bố, giá trị tính lại từ công thức, chỉ tiêu.",
                               "en": "One indicator: its definition, every published value, values recomputed from its formula, and targets."},
    "api.describe.reports": {"vi": "Mọi báo cáo nguồn.", "en": "Every source report."},
    "api.describe.report": {"vi": "Một báo cáo: thông tin văn bản, tóm tắt, mọi số liệu và chỉ tiêu đọc từ báo cáo.", "en": "One report: the document's facts, its summary, and every figure and target read from it."},
    # {site} stands in the published files for the site's address until site_url is set
    "site_placeholder": {"vi": "là địa chỉ của trang này.", "en": "stands for the address of this site."},
    "current_data_version": {"vi": "Phiên bản dữ liệu hiện tại", "en": "Current data version"},
    "see_changes": {"vi": "Các thay đổi: xem", "en": "For changes see the"},
    "changelog.lead_html": {"vi": 'Nhật ký này được tính từ dữ liệu, không viết tay. Mỗi lần xây dựng trang, <a href="{manifest}" download>manifest.json</a> ghi mã băm của từng dòng số liệu; mỗi phiên bản phát hành là bản manifest đó được lưu lại (<code>datapackages/releases/&lt;phiên bản&gt;.json</code>). Mỗi phiên bản được so với phiên bản trước; dữ liệu hiện tại được so với phiên bản mới nhất. Phiên bản dữ liệu hiện tại: <code>{version}</code>.',
                            "en": 'This log is computed from the data, not written by hand. Every build writes <a href="{manifest}" download>manifest.json</a>, a hash of every row; a release is that manifest frozen (<code>datapackages/releases/&lt;version&gt;.json</code>). Each release is compared with the one before, and the current data with the latest release. Current data version: <code>{version}</code>.'},
    "datasets.lead_html": {"vi": 'Mọi số liệu trên trang này đều tải về được, dưới giấy phép <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>: mỗi bộ dữ liệu có tệp CSV (UTF-8), Excel (XLSX, mở được tiếng Việt), JSON và gói dữ liệu Frictionless (<code>datapackage.json</code>). Mỗi dòng ghi báo cáo nguồn và câu trích nguyên văn. Ô trống là không có số liệu, không phải số 0.',
                           "en": 'Every number on this site can be downloaded, under the <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a> licence: each dataset comes as CSV (UTF-8), Excel (XLSX, Vietnamese displays correctly), JSON and a Frictionless data package (<code>datapackage.json</code>). Each row names its source report and the verbatim sentence. An empty cell means not given, never zero.'},
    "download.zip_all": {"vi": "mọi bộ dữ liệu (CSV, XLSX, JSON, gói dữ liệu), cơ sở dữ liệu SQLite và nhật ký thay đổi trong một tệp nén",
                         "en": "every dataset (CSV, XLSX, JSON, data packages), the SQLite database and the changelog in one archive"},
    "download.db_html": {"vi": "SQLite: các bảng <code>figures</code>, <code>targets</code>, <code>units</code>, <code>reports</code>, <code>indicators</code> có khóa ngoại; bảng <code>_fields</code> mô tả từng cột. Mở bằng DB Browser for SQLite hoặc Datasette",
                         "en": "SQLite: the <code>figures</code>, <code>targets</code>, <code>units</code>, <code>reports</code> and <code>indicators</code> tables with foreign keys; the <code>_fields</code> table describes every column. Open it with DB Browser for SQLite or Datasette"},
    "download.api": {"vi": "JSON cho từng đơn vị, chỉ số, báo cáo", "en": "JSON for every unit, indicator and report"},
    "download.changelog": {"vi": "số liệu nào được thêm, sửa, bỏ giữa các phiên bản", "en": "which figures were added, changed or removed between releases"},
    "download.csv_first_table_html": {"vi": "bảng <code>{table}</code>; các bảng khác có trong tệp Excel, JSON và các tệp của gói dữ liệu",
                                 "en": "the <code>{table}</code> table; the other tables are in the Excel and JSON files and the data package's files"},
    "download.csv_rows": {"vi": "mọi dòng trong một tệp", "en": "every row in one file"},
    "download.xlsx_html": {"vi": "trang dữ liệu, các bảng tra cứu, mô tả trường (<code>fields</code>), trích dẫn (<code>about</code>)",
                           "en": "the data, the lookup tables, the field descriptions (<code>fields</code>) and how to cite (<code>about</code>)"},
    "download.json_html": {"vi": "trường, kiểu và các dòng (ô trống là <code>null</code>)", "en": "fields, types and rows (empty cells are <code>null</code>)"},
    "download.datapackage": {"vi": "gói dữ liệu Frictionless; các tệp CSV của gói:", "en": "Frictionless data package; its CSV files:"},
    "download.datapackage_empty": {"vi": "gói dữ liệu Frictionless (chưa có dòng nào)", "en": "Frictionless data package (no rows yet)"},
    "not_stated": {"vi": "không nêu", "en": "not stated"},
    "licence_not_stated": {"vi": "không nêu giấy phép", "en": "no licence stated"},
    "dataset.sources": {"vi": "Nguồn", "en": "Sources"},
    "dataset.provenance": {"vi": "Nguồn gốc từng dòng", "en": "Where each row comes from"},
    "dataset.provenance_rows": {"vi": "Mỗi dòng ghi báo cáo nguồn và câu trích nguyên văn.", "en": "Each row names its source report and the verbatim sentence."},
    "dataset.provenance_other": {"vi": "Bộ dữ liệu của bên khác, công bố như mô tả của họ, với giấy phép và nguồn của họ; các dòng không ghi báo cáo nguồn.",
                                 "en": "Someone else's dataset, published as its descriptor describes it, under its own licence and sources; its rows name no source report."},
    "datasets.lead_mixed_html": {"vi": 'Mọi số liệu trên trang này đều tải về được: mỗi bộ dữ liệu có tệp CSV (UTF-8), Excel (XLSX, mở được tiếng Việt), JSON và gói dữ liệu Frictionless (<code>datapackage.json</code>). Số liệu đọc từ các báo cáo dùng giấy phép <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>, mỗi dòng ghi báo cáo nguồn và câu trích nguyên văn; bộ dữ liệu của bên khác giữ giấy phép và nguồn của họ, ghi ở từng bộ. Ô trống là không có số liệu, không phải số 0.',
                                 "en": 'Every number on this site can be downloaded: each dataset comes as CSV (UTF-8), Excel (XLSX, Vietnamese displays correctly), JSON and a Frictionless data package (<code>datapackage.json</code>). The figures read from reports are under the <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a> licence, each row naming its source report and the verbatim sentence; datasets from others keep their own licences and sources, given with each. An empty cell means not given, never zero.'},
    "dataset_empty": {"vi": "Bộ dữ liệu này chưa có dòng nào.", "en": "This dataset has no rows yet."},
    "datasets.more_files_html": {"vi": '… và {n} tệp khác, có tất cả trong <a href="{zip}" download>minh-bach-data.zip</a>.',
                                 "en": '… and {n} more files, all in <a href="{zip}" download>minh-bach-data.zip</a>.'},
    "download.zip_dataset": {"vi": "mọi bộ dữ liệu và cơ sở dữ liệu SQLite", "en": "every dataset and the SQLite database"},
    "cite_version": {"vi": "Hãy ghi kèm phiên bản: các số liệu của một phiên bản không đổi; mọi thay đổi sau đó được liệt kê trong",
                     "en": "Please give the version: the figures of a version do not change; every later change is listed in the"},
    # Sources read on the web (issue 22): press articles and web pages, how a report page names
    # who published them, where and when they were read, and how any source is cited.
    "dt.bai_bao": {"vi": "Bài báo", "en": "Press article"},
    "dt.trang_web": {"vi": "Trang thông tin điện tử", "en": "Web page"},
    "publisher": {"vi": "Nơi đăng", "en": "Published by"},
    "author": {"vi": "Tác giả", "en": "Author"},
    "date_published": {"vi": "Ngày đăng", "en": "Published on"},
    "figures_of": {"vi": "Số liệu của", "en": "Figures of"},
    "web_address": {"vi": "Địa chỉ", "en": "Address"},
    "retrieved": {"vi": "Ngày truy cập", "en": "Retrieved on"},
    "cite_source": {"vi": "Cách trích dẫn nguồn này", "en": "How to cite this source"},
    "cite_source_lead": {"vi": "Để trích dẫn văn bản gốc mà trang này chép lại:",
                         "en": "To cite the original document this page transcribes:"},
    # The theme's words (templates/overrides), handed to it through the mkdocs configuration.
    "search.label": {"vi": "Tìm kiếm trên trang", "en": "Search this site"},
    "search.placeholder": {"vi": "Tìm xã, đơn vị…", "en": "Search communes…"},
    "search.open": {"vi": "Mở ô tìm kiếm", "en": "Open search"},
    "search.close": {"vi": "Đóng tìm kiếm", "en": "Close search"},
    "search.results": {"vi": "Kết quả tìm kiếm", "en": "Search results"},
    # assets/minhbach.js puts the query in place of # and the count in place of %
    "search.none": {"vi": "Không tìm thấy trang nào cho “#”", "en": "No page found for “#”"},
    "search.one": {"vi": "1 trang cho “#”", "en": "1 page for “#”"},
    "search.other": {"vi": "% trang cho “#”", "en": "% pages for “#”"},
    "search.more": {"vi": "Xem thêm kết quả", "en": "More results"},
    "search.section": {"vi": "Mục", "en": "Section"},  # read before a result's section (heading), for screen readers
    "search.loading": {"vi": "Đang tìm…", "en": "Searching…"},
    "search.error": {"vi": "Không tải được bộ tìm kiếm.", "en": "The search could not be loaded."},
    "search.hint": {"vi": "Gõ có dấu hoặc không dấu, ví dụ: Dak Nong, ho so truc tuyen.", "en": "Vietnamese names can be typed with or without diacritics, e.g. Dak Nong."},
    "made_with": {"vi": "Trang được làm bằng", "en": "Made with"},
    # The one 404 page speaks both languages, each linking its own home.
    "not_found.title": {"vi": "Không tìm thấy trang", "en": "Page not found"},
    "not_found.text": {"vi": "Trang bạn tìm không có ở địa chỉ này.", "en": "There is no page at this address."},
    "not_found.home": {"vi": "Về trang chủ", "en": "Go to the English home page"},
    # Readings of OCR quotes (content/sources/<name>.readings.yaml): the reading is shown, the OCR behind this.
    "ocr_verbatim": {"vi": "Nguyên văn OCR (chưa hiệu đính)", "en": "Verbatim OCR text (uncorrected)"},
}

# Open Graph's og:locale of each language, and the other language's as og:locale:alternate.
OG_LOCALE: dict[Lang, str] = {"vi": "vi_VN", "en": "en_US"}

# The marks a visitor can meet, each explained once on the methodology page (the about page,
# section "marks", an anchor mark-<name> each) and linked from wherever it stands.
MARKS = ("approx", "more_than", "at_least", "less_than", "at_most", "estimated", "uncertain", "partial", "missing",
         "inconsistent", "ocr_uncertain", "rounding", "untranslated")
QUALIFIER_MARKS = {"approx": "≈", "more_than": ">", "at_least": "≥", "less_than": "<", "at_most": "≤"}  # written before the number
NBSP = "\u00a0"

MARK_STRINGS: dict[str, dict[str, str]] = {
    "marks": {"vi": "Các ký hiệu trên trang", "en": "Marks on this site"},
    "marks.lead": {"vi": "Trang này chỉ nói những gì văn bản nguồn nói. Khi văn bản nói ít hơn một con số chính xác cho cả một năm, số liệu mang một trong các ký hiệu dưới đây; bấm vào ký hiệu ở bất kỳ đâu để đọc giải thích.",
                   "en": "This site says only what its source documents say. Where a document says less than an exact number for a whole year, the figure carries one of the marks below; select a mark anywhere on the site to read its explanation."},
    "mark": {"vi": "Ký hiệu", "en": "Mark"},
    "mark.more": {"vi": "Đọc giải thích đầy đủ", "en": "Read the full explanation"},  # the link in a mark's popup to its explanation
    "mark.meaning": {"vi": "Ý nghĩa", "en": "What it means"},
    "mark.approx": {"vi": "khoảng", "en": "approximately"},
    "mark.approx.text": {"vi": "Văn bản ghi con số kèm «khoảng», «gần» hoặc «xấp xỉ»: giá trị gần đúng, không phải số chính xác. Tỷ lệ tính từ số này cũng là gần đúng.",
                         "en": "The document gives the number with “khoảng” (about), “gần” (nearly) or “xấp xỉ”: an approximate value, not an exact one. A share computed from it is approximate too."},
    "mark.more_than": {"vi": "trên, hơn", "en": "more than"},
    "mark.more_than.text": {"vi": "Văn bản ghi «trên 80» hoặc «hơn 02 tháng»: giá trị thật lớn hơn con số này, văn bản không nói lớn hơn bao nhiêu. Không có tỷ lệ nào được tính từ con số này.",
                            "en": "The document says “trên 80” or “hơn 02 tháng” (more than): the true value is larger, by how much it does not say. No share is computed from it."},
    "mark.at_least": {"vi": "ít nhất", "en": "at least"},
    "mark.at_least.text": {"vi": "Văn bản ghi «ít nhất» hoặc «từ … trở lên»: giá trị thật bằng hoặc lớn hơn con số này. Không có tỷ lệ nào được tính từ con số này.",
                           "en": "The document says “ít nhất” or “từ … trở lên” (at least): the true value is this number or more. No share is computed from it."},
    "mark.less_than": {"vi": "dưới", "en": "less than"},
    "mark.less_than.text": {"vi": "Văn bản ghi «dưới»: giá trị thật nhỏ hơn con số này. Không có tỷ lệ nào được tính từ con số này.",
                            "en": "The document says “dưới” (less than): the true value is smaller. No share is computed from it."},
    "mark.at_most": {"vi": "tối đa", "en": "at most"},
    "mark.at_most.text": {"vi": "Văn bản ghi «tối đa» hoặc «không quá»: giá trị thật bằng hoặc nhỏ hơn con số này. Không có tỷ lệ nào được tính từ con số này.",
                          "en": "The document says “tối đa” or “không quá” (at most): the true value is this number or less. No share is computed from it."},
    "mark.estimated": {"vi": "ước tính", "en": "est."},
    "mark.estimated.name": {"vi": "ước tính", "en": "estimated"},
    "mark.estimated.text": {"vi": "Văn bản ghi «ước», «ước đạt» hoặc «ước thực hiện»: số ước tính, thường lập trước khi kỳ báo cáo kết thúc. Tỷ lệ tính từ số ước tính cũng là ước tính.",
                            "en": "The document says “ước”, “ước đạt” or “ước thực hiện” (estimated): an estimate, usually made before the period ended. A share computed from an estimate is an estimate too."},
    "mark.uncertain": {"vi": "chưa chắc chắn", "en": "uncertain"},
    "mark.uncertain.text": {"vi": "Số, ký hiệu, ngày, nơi ban hành hoặc người ký của văn bản được đọc từ một bản sao bị hỏng (chẳng hạn chữ viết tay mà OCR đọc sai), hoặc kỳ báo cáo được suy ra khi văn bản không nêu, nên không chắc chắn. Ghi chú trên trang báo cáo nói đã đọc thế nào.",
                            "en": "The document's number, date, place or signer was read from a damaged copy (handwriting the OCR misread, say), or its reporting period was inferred where the document states none, and is not certain. The note on the report's page says how it was read."},
    "mark.partial": {"vi": "kỳ không trọn năm", "en": "part of a year"},
    "mark.partial.text": {"vi": "Kỳ được ghi đúng như văn bản: quý, 6 tháng, 9 tháng đầu năm, một tháng, một khoảng ngày (21/7–20/8/2021) hoặc lũy kế đến một ngày. Số liệu của kỳ ngắn hơn một năm không bao giờ được ghi là cả năm, và trong biểu đồ chỉ được đặt cạnh kỳ cùng loại, cùng độ dài.",
                          "en": "The period is given as the document gives it: a quarter, a half, the first nine months, a month, a range of dates (21 Jul – 20 Aug 2021) or a running total to a date. A figure for less than a year is never shown as a whole year, and charts put it only beside periods of the same kind and length."},
    "mark.missing": {"vi": "không có số liệu", "en": "not given"},
    "mark.missing.text": {"vi": "Văn bản đánh dấu ô bằng «/» hoặc để trống: không có số liệu. Đây không phải số 0.",
                          "en": "The document marks the cell “/” or leaves it blank: no figure is given. This is not zero."},
    "mark.inconsistent": {"vi": "không nhất quán", "en": "inconsistent"},
    "mark.inconsistent.text": {"vi": "Số liệu mâu thuẫn với một số liệu khác của chính văn bản. Nó được giữ nguyên như đã công bố, không bị sửa âm thầm, và ghi chú bên cạnh nói mâu thuẫn ở đâu.",
                               "en": "The figure contradicts another figure of the same document. It stays as published, never silently corrected, and the note beside it says where the contradiction lies."},
    "mark.ocr_uncertain": {"vi": "OCR không chắc chắn", "en": "uncertain OCR"},
    "mark.ocr_uncertain.text": {"vi": "Chữ số của con số bị hỏng trong văn bản nguồn (bản nhận dạng ký tự OCR) và được đọc lại theo ngữ cảnh, nên có thể sai. Ghi chú bên cạnh nói đã đọc thế nào.",
                                "en": "The number's digits are damaged in the source (an OCR text) and were read from their context, so they may be wrong. The note beside it says how they were read."},
    "mark.rounding": {"vi": "làm tròn", "en": "rounding"},
    "mark.rounding.text": {"vi": "Các số liệu của văn bản lệch nhau một chút chỉ vì làm tròn: 22,2% + 77,3% + 0,4% = 99,9% chứ không phải 100%, trong khi các con số gốc cộng lại vừa đủ. Làm tròn được hiểu là nửa đơn vị của chữ số cuối được in của mỗi con số (0,05 với một chữ số thập phân); số hồ sơ là số đếm, không làm tròn. Số liệu vẫn đúng như văn bản công bố; ghi chú bên cạnh nói lệch ở đâu. Tỷ lệ được tính lại từ công thức cũng theo quy tắc này: chênh lệch trong phạm vi làm tròn không bị đánh dấu, chênh lệch lớn hơn được đánh dấu không nhất quán.",
                           "en": "The document's figures differ slightly only because they were rounded: 22.2% + 77.3% + 0.4% = 99.9%, not 100%, while the counts they come from add up. Rounding means half a unit of each number's last printed digit (0.05 with one decimal); a count of dossiers is exact. The figures stay as published; the note beside them says where the gap is. Shares recomputed from their formula follow the same rule: a gap within rounding is not marked, a larger one is marked inconsistent."},
    "mark.untranslated": {"vi": "chưa dịch", "en": "not yet translated"},
    "mark.untranslated_vi.text": {"vi": "Văn bản này chưa có bản tiếng Việt: trang tiếng Việt hiển thị bản tiếng Anh kèm ký hiệu này.",
                                  "en": "This text has no Vietnamese version yet: the Vietnamese page shows the English with this mark."},
    "mark.untranslated.text": {"vi": "Văn bản này chưa có bản tiếng Anh: trang tiếng Anh hiển thị bản tiếng Việt kèm ký hiệu này, không bao giờ để trống hay tự dịch.",
                               "en": "This text has no English translation yet: the English page shows the Vietnamese with this mark, never a blank and never a machine translation."},
}


def mark_name(name: str, lang: Lang) -> str:
    """A mark's name in words ("khoảng" / "approximately"); estimated's symbol is short ("est."), its name is not."""
    return t("mark.estimated.name" if name == "estimated" else f"mark.{name}", lang)


def mark_symbol(name: str, lang: Lang) -> str:
    """How a mark is written on a page: ≈ > ≥ < ≤ before a number, ⚠, ± (rounding), /, or words."""
    symbols = {**QUALIFIER_MARKS, "inconsistent": "⚠", "ocr_uncertain": "⚠", "rounding": "±", "missing": "/", "uncertain": "?"}
    return symbols.get(name) or t(f"mark.{name}", lang)


def qualified(value: float | None, unit: str, lang: Lang, qualifier: str = "") -> str:
    """A value in its indicator's unit with its qualifier in plain text: '> 80', '≈ 1.200',
    '1.200 (ước tính)' / '1,200 (est.)'."""
    text = quantity(value, unit, lang)
    if value is None or not qualifier:
        return text
    if qualifier in QUALIFIER_MARKS:
        return f"{QUALIFIER_MARKS[qualifier]}{NBSP}{text}"
    return f"{text} ({t('mark.estimated', lang)})"



def t(key: str, lang: Lang) -> str:
    """An interface string. A missing key is a programming error, caught by the tests."""
    return STRINGS[key][lang]


# The words of a long table's controls (minhbach.js setupTables), given to the script as JSON in the
# table's data-mb-words: {shown} and {total} are numbers the script formats in the page's locale.
TABLE_STRINGS: dict[str, dict[str, str]] = {
    "table.filter": {"vi": "Lọc bảng", "en": "Filter the table"},
    "table.filter_help": {"vi": "Gõ có dấu hoặc không dấu, một hay nhiều từ.", "en": "Type one or more words; accents are optional."},
    "table.sort": {"vi": "Sắp xếp theo", "en": "Sort by"},
    "table.given": {"vi": "Thứ tự của trang", "en": "The page's order"},
    "table.ascending": {"vi": "tăng dần", "en": "ascending"},
    "table.descending": {"vi": "giảm dần", "en": "descending"},
    "table.count": {"vi": "{shown}/{total} dòng", "en": "{shown} of {total} rows"},
    "table.none": {"vi": "Không có dòng nào khớp với từ đã gõ.", "en": "No row matches what you typed."},
    "table.scrolls": {"vi": "Bảng rộng hơn màn hình: vuốt ngang để xem các cột khác.", "en": "The table is wider than the screen: swipe sideways for more columns."},
}


STORY_STRINGS: dict[str, dict[str, str]] = {
    # a change is a clause: it opens a sentence (capitalised) or follows a period's value
    "story.up": {"vi": "tăng {change} so với {period} ({previous})", "en": "up {change} from {period} ({previous})"},
    "story.down": {"vi": "giảm {change} so với {period} ({previous})", "en": "down {change} from {period} ({previous})"},
    "story.same": {"vi": "không đổi so với {period} ({previous})", "en": "unchanged from {period} ({previous})"},
    "story.about": {"vi": "khoảng ", "en": "about "},
    "story.points": {"vi": "{value} điểm phần trăm", "en": "{value} percentage points"},
    "story.trend": {"vi": "Trước đó, {period}: {latest}, {change}.", "en": "Before that, {period}: {latest}, {change}."},
    "story.rank_first": {"vi": "Cao nhất trong {count} {level} của {province} có số liệu {period}.",
                         "en": "The highest of {count} {level} in {province} with a figure for {period}."},
    "story.rank": {"vi": "Cao thứ {rank} trong {count} {level} của {province} có số liệu {period}.",
                   "en": "The {rank} highest of {count} {level} in {province} with a figure for {period}."},
    "story.level.district": {"vi": "huyện", "en": "district"},
    "story.level.commune": {"vi": "xã", "en": "commune"},
    "story.sum": {"vi": "{reporting}/{total} {level}, {period}", "en": "{reporting} of {total} {level}, {period}"},
}

# The changelog in words (publish.changelog_page): each change a sentence, no column name or id.
CHANGELOG_STRINGS: dict[str, dict[str, str]] = {
    "and": {"vi": "và", "en": "and"},
    # every column of the figures and the targets but the id, as a change names it
    "changelog.field.report": {"vi": "báo cáo nguồn", "en": "source report"},
    "changelog.field.unit": {"vi": "đơn vị", "en": "unit"},
    "changelog.field.indicator": {"vi": "chỉ số", "en": "indicator"},
    "changelog.field.period": {"vi": "kỳ", "en": "period"},
    "changelog.field.period_start": {"vi": "ngày đầu của kỳ", "en": "first day of the period"},
    "changelog.field.period_end": {"vi": "ngày cuối của kỳ", "en": "last day of the period"},
    "changelog.field.breakdown": {"vi": "phân tổ", "en": "breakdown"},
    "changelog.field.value": {"vi": "giá trị", "en": "value"},
    "changelog.field.qualifier": {"vi": "cách văn bản diễn đạt con số (khoảng, trên, ước…)", "en": "how the document words the number (about, more than, estimated…)"},
    "changelog.field.status": {"vi": "văn bản có nêu số hay không", "en": "whether the document gives the number"},
    "changelog.field.locator": {"vi": "vị trí trong văn bản", "en": "place in the document"},
    "changelog.field.quote": {"vi": "câu trích nguyên văn", "en": "quoted sentence"},
    "changelog.field.flag": {"vi": "đánh dấu", "en": "mark"},
    "changelog.field.note_vi": {"vi": "ghi chú tiếng Việt", "en": "Vietnamese note"},
    "changelog.field.note_en": {"vi": "ghi chú tiếng Anh", "en": "English note"},
    "changelog.field.comparator": {"vi": "phép so sánh của chỉ tiêu", "en": "comparison of the target"},
    "changelog.field.target_value": {"vi": "mức chỉ tiêu", "en": "target"},
    "changelog.field.deadline": {"vi": "thời hạn", "en": "deadline"},
    "changelog.field.recurrence": {"vi": "lặp lại", "en": "recurrence"},
    "changelog.field.scope": {"vi": "phạm vi", "en": "scope"},
    "changelog.field.scope_vi": {"vi": "phạm vi bằng tiếng Việt", "en": "scope in Vietnamese"},
    "changelog.field.scope_en": {"vi": "phạm vi bằng tiếng Anh", "en": "scope in English"},
    "changelog.field_other": {"vi": "một trường khác", "en": "another field"},
    "changelog.table.figures": {"vi": "số liệu", "en": "figures"},
    "changelog.table.targets": {"vi": "chỉ tiêu", "en": "targets"},
    "changelog.gone_unit": {"vi": "một đơn vị không còn trên trang", "en": "a unit no longer on the site"},
    "changelog.gone_indicator": {"vi": "một chỉ số không còn trên trang", "en": "an indicator no longer on the site"},
    "changelog.gone_report": {"vi": "một báo cáo không còn trên trang", "en": "a report no longer on the site"},
    "changelog.breakdown_gone": {"vi": "một phân tổ không còn dùng", "en": "a breakdown no longer used"},
    "changelog.flag.inconsistent": {"vi": "không nhất quán với một số liệu khác của văn bản", "en": "inconsistent with another figure of the source"},
    "changelog.flag.rounding": {"vi": "lệch với số liệu khác của văn bản chỉ do làm tròn", "en": "differs from another figure of the source only by rounding"},
    "changelog.flag.ocr_uncertain": {"vi": "chữ số bị hỏng trong bản OCR, đọc lại theo ngữ cảnh", "en": "digits damaged in the OCR text, read from their context"},
    "changelog.target_of_html": {"vi": "Chỉ tiêu về {indicator}", "en": "Target for {indicator}"},
    "changelog.from_to_html": {"vi": "{what} {before} → {after}", "en": "{what} {before} → {after}"},
    "changelog.dates_html": {"vi": "cùng kỳ, khác ngày: {before} → {after}", "en": "same period over other days: {before} → {after}"},
    "changelog.breakdown_recoded_html": {"vi": "mã phân tổ được sửa, nay là {after}", "en": "the breakdown's code corrected, now {after}"},
    "changelog.flagged_html": {"vi": "được đánh dấu {flag}", "en": "marked {flag}"},
    "changelog.unflagged_html": {"vi": "bỏ đánh dấu {flag}", "en": "no longer marked {flag}"},
    "changelog.text_added_html": {"vi": "thêm {what}", "en": "added the {what}"},
    "changelog.text_edited_html": {"vi": "sửa {what}", "en": "edited the {what}"},
    "changelog.text_removed_html": {"vi": "bỏ {what}", "en": "removed the {what}"},
    "changelog.now_html": {"vi": ", nay là: {text}", "en": ", now: {text}"},
    "changelog.note_html": {"vi": "Ghi chú của biên tập viên: {note}", "en": "Editor's note: {note}"},
    "changelog.new_columns_html": {"vi": "Các dòng {table} có thêm cột: {columns}. Cột mới để trống không làm thay đổi số liệu nào, nên các dòng đó không được liệt kê.",
                                   "en": "The {table} gained a column: {columns}. An empty new column changes no figure, so those rows are not listed."},
    "changelog.in_reports": {"vi": "trong {n} báo cáo", "en": "in {n} reports"},
    "changelog.more_html": {"vi": '… và {n} thay đổi khác, có đủ trong <a href="{csv}" download>changelog.csv</a>.',
                            "en": '… and {n} more, all listed in <a href="{csv}" download>changelog.csv</a>.'},
    "changelog.more_reports_html": {"vi": '… và {n} báo cáo khác ({changes} thay đổi), có đủ trong <a href="{csv}" download>changelog.csv</a>.',
                                    "en": '… and {n} more reports ({changes} changes), all listed in <a href="{csv}" download>changelog.csv</a>.'},
    "changelog.added_elsewhere_html": {"vi": '{n} số liệu mới, có trên <a href="{report}">trang báo cáo</a> và trong <a href="{csv}" download>changelog.csv</a>.',
                                       "en": '{n} new figures, on <a href="{report}">the report&#39;s page</a> and in <a href="{csv}" download>changelog.csv</a>.'},
    "changelog.downloads_html": {"vi": 'Mọi thay đổi, từng trường một: <a href="{csv}" download>changelog.csv</a> (mở bằng Excel) và <a href="{json}" download>changelog.json</a>.',
                                 "en": 'Every change, field by field: <a href="{csv}" download>changelog.csv</a> (opens in Excel) and <a href="{json}" download>changelog.json</a>.'},
}

# The Rankings section of an indicator page (publish.ranking_page) and the compare page.
RANK_STRINGS: dict[str, dict[str, str]] = {
    "rankings": {"vi": "Xếp hạng", "en": "Rankings"},
    "compare": {"vi": "So sánh hai đơn vị", "en": "Compare two units"},
    "compare.link": {"vi": "So sánh đơn vị này với một đơn vị khác", "en": "Compare this unit with another"},
    "compare.lead": {"vi": "Chọn hai đơn vị để xem số liệu mới nhất của từng chỉ số cạnh nhau. Hai giá trị chỉ so sánh được khi cùng một kỳ; khác kỳ thì vẫn hiện nhưng được ghi rõ.",
                     "en": "Pick two units to see the latest value of each indicator side by side. Two values compare only for the very same period; values for different periods are shown, and marked."},
    "compare.nojs": {"vi": "Trang này cần JavaScript để tải số liệu của hai đơn vị từ API của trang. Không có JavaScript, hãy mở trang của từng đơn vị từ danh sách đơn vị.",
                     "en": "This page needs JavaScript to load the two units' figures from the site's API. Without it, open each unit's page from the list of units."},
    "compare.units_list": {"vi": "Danh sách đơn vị", "en": "List of units"},
    "compare.unit_a": {"vi": "Đơn vị thứ nhất", "en": "First unit"},
    "compare.unit_b": {"vi": "Đơn vị thứ hai", "en": "Second unit"},
    "compare.matches": {"vi": "Đơn vị khớp với tên đã gõ", "en": "Units matching the name typed"},
    "compare.chosen": {"vi": "Đã chọn: {name}", "en": "Chosen: {name}"},
    "compare.pick_two": {"vi": "Chọn hai đơn vị để so sánh.", "en": "Pick two units to compare."},
    "compare.loading": {"vi": "Đang tải số liệu…", "en": "Loading the figures…"},
    "compare.failed": {"vi": "Không tải được số liệu. Hãy thử lại.", "en": "The figures could not be loaded. Please try again."},
    "compare.none": {"vi": "Hai đơn vị này không có chỉ số nào chung.", "en": "These two units have no indicator in common."},
    "compare.count": {"vi": "{n} chỉ số cả hai đơn vị đều có số liệu.", "en": "{n} indicators with a value from both units."},
    "compare.not_comparable": {"vi": "không so sánh được: khác kỳ", "en": "not comparable: different periods"},
    "compare.running": {"vi": "không so sánh được: số liệu lũy kế", "en": "not comparable: running totals"},
    "compare.share": {"vi": "Đường dẫn để chia sẻ so sánh này", "en": "Link to share this comparison"},
    "compare.source": {"vi": "Nguồn", "en": "Source"},
    "compare.only_reported": {"vi": "Chỉ liệt kê số liệu văn bản công bố (không tính lại), không theo phân tổ.",
                              "en": "Only figures the documents publish (none recomputed), without breakdowns."},
    "rank.intro": {"vi": "Các đơn vị cùng cấp được đặt cạnh nhau khi có số liệu cho cùng một kỳ; kỳ khác loại (một quý và một năm) không bao giờ được so với nhau.",
                   "en": "Units of the same level stand side by side only for the very same period; periods of different kinds (a quarter and a year) are never compared."},
    "rank.rank": {"vi": "Hạng", "en": "Rank"},
    "rank.change": {"vi": "Thay đổi", "en": "Change"},
    "rank.why": {"vi": "Lý do", "en": "Why"},
    "rank.count": {"vi": "{n} {level} có số liệu {period}", "en": "{n} {level} with a value for {period}"},
    "rank.shown": {"vi": "Hiển thị {n} trong {total} dòng; tệp CSV có đủ tất cả.", "en": "{n} of {total} rows shown; the CSV has them all."},
    "rank.points": {"vi": "{value} điểm %", "en": "{value} pp"},
    "rank.since": {"vi": "so với {period}: {value}", "en": "since {period}: {value}"},
    "rank.up": {"vi": "tăng {n} bậc so với kỳ trước", "en": "up {n} places since the previous period"},
    "rank.down": {"vi": "giảm {n} bậc so với kỳ trước", "en": "down {n} places since the previous period"},
    "rank.order.higher": {"vi": "Hạng 1 là giá trị cao nhất: với chỉ số này, cao hơn là tốt hơn. Giá trị bằng nhau cùng hạng.",
                          "en": "Rank 1 is the highest value: for this indicator, higher is better. Equal values share a rank."},
    "rank.order.lower": {"vi": "Hạng 1 là giá trị thấp nhất: với chỉ số này, thấp hơn là tốt hơn. Giá trị bằng nhau cùng hạng.",
                         "en": "Rank 1 is the lowest value: for this indicator, lower is better. Equal values share a rank."},
    "rank.order.by_size": {"vi": "Đây là một số lượng: nó cho biết quy mô của địa phương nhiều hơn kết quả làm việc, nên danh sách chỉ xếp từ lớn đến nhỏ, không xếp hạng.",
                           "en": "This is a count: it says more about how large a place is than how well it does, so the list runs from the largest to the smallest, without ranks."},
    "rank.order.by_value": {"vi": "Chỉ số này không nói cao hay thấp là tốt hơn, nên danh sách chỉ xếp từ cao đến thấp, không xếp hạng.",
                            "en": "This indicator says neither higher nor lower is better, so the list runs from the highest to the lowest, without ranks."},
    "rank.none": {"vi": "Chưa có kỳ nào có từ hai {level} trở lên cùng có số liệu, nên chưa có gì để đặt cạnh nhau.",
                  "en": "No period yet has a value from two or more {level}, so there is nothing to set side by side."},
    "rank.earlier": {"vi": "Các kỳ trước", "en": "Earlier periods"},
    "rank.more_periods": {"vi": "Còn {n} kỳ trước nữa, có trong tệp CSV.", "en": "{n} earlier periods more, in the CSV."},
    "rank.apart": {"vi": "Giá trị để riêng", "en": "Listed apart"},
    "rank.apart.bound": {"vi": "văn bản chỉ nêu một ngưỡng (trên, dưới…), không phải một giá trị", "en": "the source gives a bound (more than, less than…), not a value"},
    "rank.apart.alone": {"vi": "không {level} nào khác có số liệu {period}", "en": "no other {level} reports for {period}"},
    "rank.apart.running": {"vi": "số liệu lũy kế từ một mốc văn bản không nêu: không so sánh được", "en": "a running total from a start the source does not give: not comparable"},
    "rank.csv": {"vi": "Toàn bộ xếp hạng, mọi cấp và mọi kỳ (CSV)", "en": "Every ranking, all levels and periods (CSV)"},
    "rank.level.province": {"vi": "tỉnh", "en": "provinces"},
    "rank.level.district": {"vi": "huyện", "en": "districts"},
    "rank.level.commune": {"vi": "xã", "en": "communes"},
    "rank.level.office": {"vi": "cơ quan", "en": "offices"},
    "rank.level.party": {"vi": "cơ quan Đảng", "en": "party bodies"},
    "rank.one.province": {"vi": "tỉnh", "en": "province"},
    "rank.one.district": {"vi": "huyện", "en": "district"},
    "rank.one.commune": {"vi": "xã", "en": "commune"},
    "rank.one.office": {"vi": "cơ quan", "en": "office"},
    "rank.one.party": {"vi": "cơ quan Đảng", "en": "party body"},
}

# A chart's frame (publish.charts) and its tools (minhbach.js setupCharts).
CHART_STRINGS: dict[str, dict[str, str]] = {
    "chart.source": {"vi": "Nguồn", "en": "Source"},
    # how a chart's periods run, in its subtitle
    "chart.run.year": {"vi": "theo năm", "en": "yearly"},
    "chart.run.half": {"vi": "theo 6 tháng", "en": "by half-year"},
    "chart.run.quarter": {"vi": "theo quý", "en": "quarterly"},
    "chart.run.month": {"vi": "theo tháng", "en": "monthly"},
    "chart.run.months": {"vi": "lũy kế từ đầu năm", "en": "year to date"},
    "chart.run.years": {"vi": "theo giai đoạn", "en": "by multi-year period"},
    "chart.run.range": {"vi": "theo khoảng thời gian", "en": "by date range"},
    "chart.run.to_date": {"vi": "lũy kế", "en": "running totals"},
    "chart.more_documents": {"vi": " và {n} văn bản khác", "en": " and {n} other documents"},
    "chart.constant": {"vi": "{name}: {value} trong cả {n} kỳ ({span}), không đổi nên không vẽ biểu đồ.",
                       "en": "{name}: {value} in each of {n} periods ({span}); a constant is not charted."},
    "chart.left_out": {"vi": "Bảng bên dưới có thêm {n} chuỗi số liệu của chủ đề này.", "en": "{n} more series of this topic are in the table below."},
    "chart.other_periods": {"vi": "Không đưa vào biểu đồ vì không có số liệu {period}:", "en": "Not in the chart, having no value for {period}:"},
    "chart.ends": {"vi": "Biểu đồ chỉ vẽ {n} đơn vị đứng đầu và {n} đơn vị cuối trong số {total} đơn vị; tệp CSV của chỉ số có đủ.",
                   "en": "The chart draws the first {n} and the last {n} of {total} units; the indicator's CSV has them all."},
    "chart.level_units": {"vi": "Các đơn vị cấp {level}", "en": "{level} level units"},
    "chart.csv": {"vi": "Số liệu (CSV)", "en": "Data (CSV)"},
    "chart.svg": {"vi": "Hình vector (SVG)", "en": "Vector image (SVG)"},
    "chart.png": {"vi": "Ảnh (PNG)", "en": "Image (PNG)"},
    "chart.embed": {"vi": "Nhúng", "en": "Embed"},
    "chart.embed_help": {"vi": "Chép đoạn mã này vào trang web của bạn:", "en": "Copy this code into your web page:"},
    "chart.share": {"vi": "Chia sẻ", "en": "Share"},
    "chart.copied": {"vi": "Đã chép liên kết", "en": "Link copied"},
    "chart.open_page": {"vi": "Xem trên Minh Bạch", "en": "See it on Minh Bạch"},
    "chart.not_found": {"vi": "Không có biểu đồ này.", "en": "There is no such chart."},
    "chart.moved": {"vi": "Biểu đồ này nay là một phần của biểu đồ:", "en": "This chart is now part of the chart:"},
    "chart.downloads": {"vi": "Tải về và chia sẻ", "en": "Download and share"},
    "chart.credit": {"vi": "Minh Bạch, dữ liệu mở về cải cách hành chính · CC BY 4.0", "en": "Minh Bạch, open data on administrative reform · CC BY 4.0"},
}
STRINGS.update(MARK_STRINGS)
STRINGS.update(CHART_STRINGS)
STRINGS.update(RANK_STRINGS)
STRINGS.update(TABLE_STRINGS)
STRINGS.update(CHANGELOG_STRINGS)
STRINGS.update(STORY_STRINGS)
STRINGS.update({f"level.{code}": names for code, names in LEVEL_NAMES.items()})  # shared with the exports (content.languages)
STRINGS.update({f"mu.{code}": names for code, names in MEASURE_UNIT_NAMES.items()})


@lru_cache(maxsize=65536)  # Babel parses the pattern on every call; pages repeat the same numbers
def number(value: float, lang: Lang, decimals: int | None = None) -> str:
    """7447 -> '7.447' (vi) / '7,447' (en); keeps up to two published decimals."""
    fmt = "#,##0" if decimals == 0 else ("#,##0." + "0" * decimals if decimals else "#,##0.##")
    return format_decimal(value, format=fmt, locale=lang)


@lru_cache(maxsize=65536)
def percent(value: float, lang: Lang) -> str:
    """72.3 -> '72,3%' (vi) / '72.3%' (en)."""
    return format_percent(value / 100, format="#,##0.##%", locale=lang)


def quantity(value: float | None, unit: str, lang: Lang) -> str:
    """A value in its indicator's unit, formatted for the locale."""
    if value is None:
        return "—"
    if unit in ("percent", "percent_of_plan"):
        return percent(value, lang)
    if unit == "vnd":
        return f"{number(value, lang)} {'đồng' if lang == 'vi' else 'VND'}"
    if unit == "million_vnd":
        return f"{number(value, lang)} {'triệu đồng' if lang == 'vi' else 'million VND'}"
    return number(value, lang)


def date(value: dt.date | None, lang: Lang) -> str:
    """'14/09/2021' (vi) / '14 September 2021' (en)."""
    if value is None:
        return "—"
    return format_date(value, "dd/MM/y" if lang == "vi" else "d MMMM y", locale=lang)


def period_label(code: str, lang: Lang) -> str:
    """What a period code says, in words (content.periods.label)."""
    return periods.label(code, lang)


@lru_cache(maxsize=4096)
def period_short(code: str, lang: Lang) -> str:
    """Compact label for chart axes: '2020', 'Q1/2020' / 'Q1 2020', '9T/2022' / '9M 2022', '21/7–20/8/2021'."""
    p = periods.parse(code)
    if p is None:
        return code
    vi = lang == "vi"
    kind = p.kind
    if kind is periods.PeriodKind.year:
        return str(p.year)
    if kind is periods.PeriodKind.half:
        return f"H{p.part}/{p.year}" if vi else f"H{p.part} {p.year}"
    if kind is periods.PeriodKind.quarter:
        return f"Q{p.part}/{p.year}" if vi else f"Q{p.part} {p.year}"
    if kind is periods.PeriodKind.month:
        return f"{p.part}/{p.year}" if vi else format_date(dt.date(p.year, p.part, 1), "MMM y", locale="en")
    if kind is periods.PeriodKind.months:
        return f"{p.part}T/{p.year}" if vi else f"{p.part}M {p.year}"
    if kind is periods.PeriodKind.years:
        return f"{p.first_year}–{p.year}"
    assert p.end is not None
    if kind is periods.PeriodKind.range:
        assert p.start is not None
        return periods.span(p.start, p.end, lang, "–")
    return f"đến {periods.day_month(p.end, lang, True)}" if vi else f"to {periods.day_month(p.end, lang, True)}"


