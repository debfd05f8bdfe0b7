"""`extract` on a second probe set: short texts in new ways of writing, kept out of the corpus (issue 23).

The own-words corpus (extract_corpus/) keeps its set-aside `unseen/` third at a quarter or more of its
rows, so a new round of probing cannot add texts to `seen/`. These ten paragraphs live here instead, as
data: each is written in our own words, with invented places (quận Bình Lạc, huyện Phước Thạnh Tây, thị
xã An Khê Nam, tỉnh Kim Sơn Hà, xã Tân Lập Thượng), and reproduces the way of writing of one real page
on procedure results from a publisher or kind of page the corpus README does not list. The pages were
read, not copied:

- P1 https://thanhnien.vn/thoi-su/tphcm-trong-3-nam-q1-chi-co-1-ho-so-tre-hen-1052762.html — a district's
  year in one sentence with the resolved, on-time and late counts and their rates in brackets, a printed
  zero ("trễ hạn là 0 hồ sơ, tỷ lệ 0%"), "đang giải quyết còn trong hạn", a ward's one late dossier of an
  earlier year;
- P2 https://baocantho.com.vn/phong-dien-khong-co-truong-hop-nao-giai-quyet-thu-tuc-hanh-chinh-tre-hen-a13574.html
  — "từ đầu năm … đến …", "hồ sơ các loại", "đúng hẹn đạt 100%", the communes' desks in a second sentence,
  "không có trường hợp nào giải quyết trễ hẹn";
- P3 https://baoquangnam.vn/cai-cach-hanh-chinh/quy-iii-hoi-an-giai-quyet-10455-ho-so-thu-tuc-hanh-chinh-93422.html
  — "quý III.2020", "tổng số hồ sơ yêu cầu giải quyết", "kỳ trước chuyển qua", "Số hồ sơ đã giải quyết: N (…)";
- P4 https://bencat.binhduong.gov.vn/tin-tuc/bo-chi-so-766-tuan-03-nam-2024-binh-duong-tiep-tuc-duoc-xep-hang-0163-tinh-thanh-pho-22203
  — the weekly score and rank of the service index of Decision 766 ("Bộ chỉ số 766"), which the catalogue
  has no indicator for: nothing is to be proposed;
- P5 https://vietnamnet.vn/sua-quy-dinh-de-thuc-hien-tthc-theo-mo-hinh-dich-vu-cong-tap-trung-cap-bo-2466207.html
  — "10 tháng đầu năm", "tỷ lệ hồ sơ trực tuyến toàn trình trên tổng hồ sơ …", by "khối";
- P6 https://susta.vn/da-chieu/chi-so-papi-2021-22085 — PAPI scores with three decimals, the national
  average, highest and lowest beside the province's own score;
- P7 https://baotintuc.vn/video/sipas-cua-63-dia-phuong-nam-2023-v20240417172100954.htm — SIPAS of a year
  announced the next, the earlier year in brackets, the national average, provinces that rose or fell;
- P8 https://www.vietnamplus.vn/ha-noi-trien-khai-dich-vu-nhan-tra-ket-qua-thu-tuc-hanh-chinh-tai-nha/422888.vnp
  — results returned by public post in a pilot "từ ngày 1-20/12", by field in brackets, postal fees;
- P9 https://danviet.vn/giam-doc-van-phong-dat-dai-binh-dinh-co-nguoi-gui-don-xin-nghi-viec-vi-so-o-tu-20220628194810025.htm
  — a land registration office, "5 tháng đầu năm", late dossiers "do lỗi từ cán bộ" and a list per branch;
- P10 https://beta-suckhoe.vtv.vn/trong-nuoc/tphcm-tren-28000-ho-so-nha-dat-tre-han-20161113153627056.htm —
  a land office "tính đến tháng 9", "hơn"/"gần", the branch with most late dossiers; here as a scanned
  report read by OCR (no diacritics, "h6 so").

Each probe lists the rows a careful editor would write (indicator, period, breakdown, value, qualifier)
and the printed numbers that are no figure of the report's own unit (`traps`: another unit's, the
nation's, a fee, a count of branches); a probe with `nothing` must give no row at all. Rows `extract`
gives to another unit named in the clause (its `unit` set, with a note) are left out of the score.

Measured before any rule change (commit 7cb0479): 25 of 38 expected rows (65.8%), 6 wrong values —
P1 8/8, P2 6/6, P3 0/7 (its period "quý II.2022" not read), P4 no row (right), P5 0/3, P6 0/2 (1 wrong: the
national average as the province's score), P7 5/5 (1 wrong: the national average again), P8 0/1, P9 3/3
(3 wrong: the branches' late dossiers as dossiers resolved), P10 3/3 (1 wrong: a district's late dossiers
as the office's). P1's "1 hồ sơ trễ hạn (năm 2021) tại UBND phường …" is not counted either way: the
district's one late dossier of 2021, or the ward's.

After the changes on branch issue23-probe2: 37 of 38 (97.4%), no wrong value. The classes fixed: a quarter's year
after a dot and a range whose first day is bare (text_periods); a level named as a "khối"; a share whose
denominator is named before its value ("… trên tổng hồ sơ … đạt"); an index named in the announcement sentence
before the score in points; a component index's score and other provinces' (highest, lowest) not the index; the
nation's figure ("trung bình cả nước") given the nation as its unit; parts in brackets labelled only by a
place's name dropped; units named without diacritics. The miss left: P8's 53 results returned by post, whose
postal cue is only in the sentence before ("số hồ sơ sử dụng dịch vụ tại huyện là 53").
"""
from __future__ import annotations

import pytest

from site_builder.editor import extract as ex
from tests.site_builder.editor import probes
from tests.site_builder.editor.probes import Probe, rows


PROBES = (
    Probe("P1-quan-binh-lac-nam-2022", """Quận Bình Lạc: 3 năm chỉ có 1 hồ sơ trễ hẹn

Trong năm 2022, UBND quận Bình Lạc tiếp nhận 412.508 hồ sơ hành chính. Kết quả đã giải quyết 412.301 hồ sơ, đạt tỷ lệ 99,95% (số hồ sơ giải quyết đúng hạn là 412.301 hồ sơ đạt tỷ lệ 99,95%, số hồ sơ giải quyết trễ hạn là 0 hồ sơ, tỷ lệ 0%); số hồ sơ đang giải quyết còn trong hạn là 207 hồ sơ.

Theo ông Trần Văn Hậu, Chánh Văn phòng quận, qua 3 năm từ 2020 đến 2022 chỉ có 1 hồ sơ trễ hạn (năm 2021) tại UBND phường Hưng Thịnh Đông; phường đã gửi thư xin lỗi người dân.
""", rows(("dossiers-received", "2022", "", 412508), ("dossiers-resolved", "2022", "", 412301),
          ("share-resolved", "2022", "", 99.95), ("dossiers-resolved-on-time", "2022", "", 412301),
          ("share-on-time", "2022", "", 99.95), ("dossiers-resolved-late", "2022", "", 0),
          ("share-late", "2022", "", 0), ("dossiers-pending-within-deadline", "2022", "", 207)),
          traps=(3,)),
    Probe("P2-huyen-phuoc-thanh-tay-dau-nam-2023", """19/03/2023 - 16:40

Phước Thạnh Tây: giải quyết thủ tục hành chính đúng hẹn

(PTT) - Theo UBND huyện Phước Thạnh Tây, công tác cải cách hành chính trên địa bàn tiếp tục chuyển biến tích cực, nhất là việc thực hiện cơ chế một cửa, một cửa liên thông.

Từ đầu năm 2023 đến ngày 15/3, Bộ phận Tiếp nhận và Trả kết quả (TN&TKQ) của UBND huyện đã tiếp nhận 1.934 hồ sơ các loại, đã giải quyết 1.812 hồ sơ (giải quyết đúng hẹn đạt 100%); số còn lại đang trong thời gian giải quyết theo quy trình. Bộ phận TN&TKQ của UBND các xã, thị trấn tiếp nhận 1.427 hồ sơ, đã giải quyết 1.390 hồ sơ, số còn lại đang giải quyết, không có trường hợp nào giải quyết trễ hẹn.
""", rows(("dossiers-received", "2023-01-01/2023-03-15", "level=district", 1934),
          ("dossiers-resolved", "2023-01-01/2023-03-15", "level=district", 1812),
          ("share-on-time", "2023-01-01/2023-03-15", "level=district", 100),
          ("dossiers-received", "2023-01-01/2023-03-15", "level=commune", 1427),
          ("dossiers-resolved", "2023-01-01/2023-03-15", "level=commune", 1390),
          ("dossiers-resolved-late", "2023-01-01/2023-03-15", "level=commune", 0))),
    Probe("P3-thi-xa-an-khe-nam-quy-ii-2022", """Quý II, An Khê Nam giải quyết 8.102 hồ sơ thủ tục hành chính

Theo UBND thị xã An Khê Nam, trong quý II.2022, tổng số hồ sơ yêu cầu giải quyết là 8.736 hồ sơ, thủ tục hành chính; trong đó hồ sơ mới tiếp nhận là 8.215 hồ sơ, kỳ trước chuyển qua là 521 hồ sơ. Số hồ sơ đã giải quyết: 8.102 (hồ sơ giải quyết đúng hạn là 7.564 hồ sơ, quá hạn là 538 hồ sơ); số hồ sơ đang giải quyết: 634 hồ sơ.

Cũng trong quý II, thị xã tổ chức công khai địa chỉ tiếp nhận phản ánh, kiến nghị tại Trung tâm hành chính công và 11 xã, phường.
""", rows(("dossiers-to-process", "2022-Q2", "", 8736), ("dossiers-received", "2022-Q2", "", 8215),
          ("dossiers-carried-over", "2022-Q2", "", 521), ("dossiers-resolved", "2022-Q2", "", 8102),
          ("dossiers-resolved-on-time", "2022-Q2", "", 7564), ("dossiers-resolved-late", "2022-Q2", "", 538),
          ("dossiers-pending", "2022-Q2", "", 634)), traps=(11,)),
    Probe("P4-tinh-kim-son-ha-bo-chi-so-766", """Bộ chỉ số 766: tuần 05 năm 2024, tỉnh Kim Sơn Hà được xếp hạng 04/63 tỉnh, thành phố

Tại hội nghị giao ban, Văn phòng UBND tỉnh báo cáo nhanh kết quả thực hiện Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công (Bộ chỉ số 766). Theo đó, đến ngày 05/02, tỉnh Kim Sơn Hà đạt 81,26 điểm, xếp hạng 04/63 tỉnh, thành, tăng 2,15 điểm và tăng 5 hạng so với tuần 04; trong đó nhóm chỉ số công khai, minh bạch đạt 17,2 điểm, nhóm chỉ số tiến độ giải quyết tăng 0,6 điểm, nhóm chỉ số số hóa hồ sơ đạt 14,9 điểm.
Riêng thị xã An Khê Nam đạt 82,4 điểm, được xếp loại tốt và đứng thứ 3/9 huyện, thị xã, thành phố của tỉnh.
""", (), nothing=True),
    Probe("P5-tinh-kim-son-ha-10-thang-2025", """Báo cáo kết quả cải cách hành chính 10 tháng đầu năm 2025 của UBND tỉnh Kim Sơn Hà cho biết, về thực hiện cơ chế một cửa, một cửa liên thông, 89/93 xã, phường đã thành lập Trung tâm Phục vụ hành chính công cấp xã, với tổng số 534 nhân sự, bình quân 6 nhân sự chuyên trách mỗi Trung tâm.
Theo số liệu trên Cổng Dịch vụ công của tỉnh, tỷ lệ hồ sơ trực tuyến toàn trình trên tổng hồ sơ giải quyết thủ tục hành chính của tỉnh đạt 41,27%, trong đó khối sở, ngành đạt 56,32% và khối xã là 18,05%.
""", rows(("share-online", "2025-10M", "online_level=full_process", 41.27),
          ("share-online", "2025-10M", "level=province;online_level=full_process", 56.32),
          ("share-online", "2025-10M", "level=commune;online_level=full_process", 18.05)), traps=(534, 6)),
    Probe("P6-tinh-kim-son-ha-papi-2022", """Kết quả Chỉ số PAPI năm 2022 của tỉnh Kim Sơn Hà

Ngày 12/4/2023, CECODES, VFF-CRT và UNDP công bố Báo cáo Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh (PAPI) 2022. Tỉnh Kim Sơn Hà đạt 43,125 điểm, xếp thứ 14/63 tỉnh, thành phố, thuộc nhóm đạt điểm trung bình cao.
Giá trị trung bình của PAPI cả nước năm 2022 là 42,407 điểm, tăng nhẹ so với năm 2021 (42,105); điểm cao nhất là 47,059 và điểm thấp nhất là 37,223. Ở chỉ số nội dung Thủ tục hành chính công, tỉnh đạt 7,5173 điểm.
""", rows(("papi-score", "2022", "", 43.125), ("papi-rank", "2022", "", 14)),
          traps=(42.407, 42.105, 47.059, 37.223, 7.5173)),
    Probe("P7-tinh-kim-son-ha-sipas-2023", """SIPAS 2023: tỉnh Kim Sơn Hà đạt 84,12%

Theo kết quả Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) năm 2023 do Bộ Nội vụ công bố ngày 17/4/2024, chỉ số SIPAS của tỉnh Kim Sơn Hà đạt 84,12%, xếp thứ 21/63 tỉnh, thành phố, tăng 2,31% so với năm 2022 (81,81%).
Chỉ số SIPAS trung bình cả nước là 82,66%; 57 địa phương có chỉ số cao hơn năm 2022, sáu địa phương có chỉ số giảm.
""", rows(("sipas-score", "2023", "", 84.12), ("sipas-rank", "2023", "", 21), ("sipas-score", "2022", "", 81.81),
          ("provinces-sipas-improved", "2023", "", 57), ("provinces-sipas-declined", "2023", "", 6)),
          traps=(82.66,)),
    Probe("P8-huyen-phuoc-thanh-tay-buu-chinh-thang-12-2022", """Phước Thạnh Tây thí điểm trả kết quả thủ tục hành chính tại nhà

Ngày 28/12/2022, Bưu điện tỉnh Kim Sơn Hà và UBND huyện Phước Thạnh Tây ký thỏa thuận triển khai dịch vụ tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính tại nhà qua dịch vụ bưu chính công ích. Từ ngày 1 đến 20/12/2022, hai bên đã thí điểm trả kết quả qua đường bưu điện tại Bộ phận Một cửa huyện và xã Tân Lập Thượng. Theo đó, số hồ sơ sử dụng dịch vụ tại huyện là 53 (38 hồ sơ thuộc lĩnh vực tư pháp, 15 hồ sơ thuộc lĩnh vực đăng ký kinh doanh); xã Tân Lập Thượng có 4 hồ sơ sử dụng dịch vụ. Cước phí nội huyện là 22.000 đồng/bưu gửi, nội tỉnh 33.000 đồng/bưu gửi.
""", rows(("results-returned-postal", "2022-12-01/2022-12-20", "", 53)), traps=(38, 15, 22000, 33000)),
    Probe("P9-tinh-kim-son-ha-dat-dai-5-thang-2022", """Văn phòng Đăng ký đất đai: 64 hồ sơ trễ hạn do lỗi của cán bộ

5 tháng đầu năm 2022, Văn phòng Đăng ký đất đai tỉnh Kim Sơn Hà và 9 chi nhánh tại các huyện, thị xã đã tiếp nhận 41.276 hồ sơ đất đai, giải quyết 38.904 hồ sơ. Trong đó, có 64 hồ sơ trễ hạn do lỗi của cán bộ, làm chậm so với thời hạn trả kết quả cho người dân (Phước Thạnh Tây 17 hồ sơ, An Khê Nam 12 hồ sơ, Bình Lạc 9 hồ sơ, Tân Mỹ 6 hồ sơ...).
""", rows(("dossiers-received", "2022-5M", "", 41276), ("dossiers-resolved", "2022-5M", "", 38904),
          ("dossiers-resolved-late", "2022-5M", "", 64)), traps=(9, 17, 12, 6)),
    Probe("P10-tp-binh-lac-dat-dai-9-2023-ocr", """VAN PHONG DANG KY DAT DAI TP BINH LAC
Bao cao tinh hinh giai quyet h6 so cap giay chung nhan

Theo bao cao, tinh den het thang 9/2023, don vi da tiep nhan hon 30.800 h6 so cap giay chung nhan, trong do da giai quyet gan 25.500 h6 so. Dang chu y, trong so h6 so da giai quyet co toi hon 2.800 h6 so bi tre han. Chi nhanh bi tre han nhieu nhat la quan Tay Ho Nam voi hon 480 h6 so.
""", rows(("dossiers-received", "../2023-09-30", "", 30800, "more_than"),
          ("dossiers-resolved", "../2023-09-30", "", 25500, "approx"),
          ("dossiers-resolved-late", "../2023-09-30", "", 2800, "more_than")), traps=(480,)),
)


@pytest.fixture(scope="module")
def catalogue() -> ex.Catalogue:
    return probes.catalogue()


@pytest.fixture(scope="module")
def results(catalogue: ex.Catalogue) -> list[probes.Result]:
    return probes.run(PROBES, catalogue, "the second probe set")


def test_every_expected_row_is_printed_and_fits_the_schema(catalogue: ex.Catalogue) -> None:
    probes.assert_rows_fit(PROBES, catalogue, worded={0.0, 6.0})


def test_recall_on_the_second_probe_set(results: list[probes.Result]) -> None:
    probes.assert_recall(results)


def test_no_wrong_value_on_the_second_probe_set(results: list[probes.Result]) -> None:
    probes.assert_no_wrong_value(results)
