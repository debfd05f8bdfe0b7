"""The catalogue of error types: every code `site-builder check` and `fmt` report, with its wording.

One entry per code, as frictionless has one class per error type: the code (the slug that
`check --format json` and the GitHub annotations show, never changed once published), a short
name in Vietnamese and English, the message template, the severity and what an editor does about
it. CONTRIBUTING.md lists them all (`site-builder reference` generates the list from here).

A finding is made from its entry and nothing else, so the wording lives here, once:

    UNKNOWN_ID.at(path, line, column, "parent", kind="unit", id="tinh-z")
    UNKNOWN_ID.message(kind="unit", id="tinh-z")   # the same, placed later with .at(path, line, column, field)

A code raised in several shapes names each further shape as a variant
(`ENCODING.at(path, 1, 1, variant="bom")`). Two entries are families, an open set of codes under
one prefix: `schema-` plus pydantic's error type (schema-missing, schema-enum, …) and
`frictionless-` plus frictionless' error type (frictionless-type-error, …). Their messages come
from `load._friendly` and `packages._message`, which translate the library's finding for editors,
and are passed whole as `detail`.

Constant names follow the code (`duplicate-id` is DUPLICATE_ID; a family `x-` is X_FAMILY).
"""
from __future__ import annotations

from site_builder.errors import ErrorType, Severity

# --------------------------------------------------------------------------- reading files

TOO_LARGE = ErrorType(
    code="too-large",
    title_en="File too large",
    title_vi="Tệp quá lớn",
    template="file is {size:,} bytes; the limit is {limit:,}",
    hint_en="A report is about 60 kB: a file this large is a mistake (a whole PDF pasted in, rows repeated). Remove what does not belong, or split the file.",
    hint_vi="Một báo cáo chỉ khoảng 60 kB: tệp lớn như vậy là do nhầm lẫn (dán cả tệp PDF, các dòng bị lặp). Xóa phần không thuộc về tệp, hoặc tách tệp.",
)

ENCODING = ErrorType(
    code="encoding",
    title_en="Wrong text encoding",
    title_vi="Sai bảng mã",
    template="file is not valid UTF-8; save it as UTF-8",
    variants={
        "bom": "file starts with a byte-order mark; save it as UTF-8 without BOM",
        "utf16": "file is UTF-16; save it as UTF-8 without BOM",
    },
    hint_en="Save the file as UTF-8 without BOM (VS Code, Notepad++: 'UTF-8', not 'UTF-8 with BOM'). A file typed in TCVN3, VNI or Windows-1258 is converted to Unicode first.",
    hint_vi="Lưu lại tệp với bảng mã UTF-8 không có BOM (VS Code, Notepad++: chọn «UTF-8», không chọn «UTF-8 with BOM»). Tệp gõ bằng bảng mã TCVN3, VNI hay Windows-1258 phải chuyển sang Unicode trước.",
)

UNICODE_NFC = ErrorType(
    code="unicode-nfc",
    title_en="Decomposed diacritics (not Unicode NFC)",
    title_vi="Dấu tiếng Việt bị tách rời (không phải Unicode NFC)",
    template="text is not Unicode NFC (decomposed diacritics); run `site-builder fmt`",
    hint_en="Run `site-builder fmt`: it joins every letter and its marks into one character. Text copied from a PDF or a Mac often has them apart; it looks the same but search and sorting fail.",
    hint_vi="Chạy `site-builder fmt`: lệnh này ghép mỗi chữ cái với dấu của nó thành một ký tự. Văn bản chép từ PDF hoặc máy Mac thường bị tách dấu; nhìn giống nhau nhưng tìm kiếm và sắp xếp sẽ sai.",
)

EMPTY = ErrorType(
    code="empty",
    title_en="Empty file",
    title_vi="Tệp rỗng",
    template="file is empty",
    hint_en="Fill the file in (`site-builder new` writes a skeleton with every field) or delete it.",
    hint_vi="Điền nội dung vào tệp (lệnh `site-builder new` tạo sẵn khung có đủ các trường) hoặc xóa tệp.",
)

# --------------------------------------------------------------------------- YAML

YAML_SYNTAX = ErrorType(
    code="yaml-syntax",
    title_en="YAML syntax error",
    title_vi="Lỗi cú pháp YAML",
    template="YAML syntax error: {problem}",
    variants={
        "other": "YAML error: {error}",
        "unparsable": "cannot be parsed",  # `fmt`, when the parser gave no reason
    },
    hint_en="Look at the line shown and the one above it: a missing colon, an unclosed quote or bracket, a wrong indentation. Text that holds ': ' or starts with a sign ([ { * & ! % @ ' \") goes in double quotes.",
    hint_vi="Xem dòng được chỉ ra và dòng ngay trên nó: thiếu dấu hai chấm, dấu ngoặc kép hay ngoặc vuông chưa đóng, thụt lề sai. Văn bản có «: » hoặc bắt đầu bằng một ký hiệu ([ { * & ! % @ ' \") phải đặt trong dấu ngoặc kép.",
)

YAML_TAB = ErrorType(
    code="yaml-tab",
    title_en="Tab in YAML",
    title_vi="Ký tự tab trong YAML",
    template="tab used for indentation; indent with spaces",
    variants={"after-key": "a tab where YAML expects a space; use spaces"},
    hint_en="YAML takes spaces only: replace the tab with spaces (two per level of indentation).",
    hint_vi="YAML chỉ nhận dấu cách: thay ký tự tab bằng dấu cách (mỗi cấp thụt lề hai dấu cách).",
)

YAML_LINE_SEPARATOR = ErrorType(
    code="yaml-line-separator",
    title_en="Invisible line separator",
    title_vi="Ký tự ngắt dòng ẩn",
    template="invisible line separator U+{codepoint:04X}; remove it, or break the line with Enter",
    hint_en="Usually pasted from Word or a web page. It cannot be seen: delete the characters around the column shown and type them again.",
    hint_vi="Thường do dán từ Word hoặc trang web. Ký tự này không nhìn thấy được: xóa vài ký tự quanh cột được chỉ ra rồi gõ lại.",
)

YAML_CONTROL = ErrorType(
    code="yaml-control",
    title_en="Control character in YAML",
    title_vi="Ký tự điều khiển trong YAML",
    template="control character U+{codepoint:04X} is not allowed; remove it",
    variants={"in-text": "control character U+{codepoint:04X} in the text; remove it"},
    hint_en="Usually a page break copied from pdftotext (U+000C), or an escape such as \"\\f\". Delete it, or put a space in its place.",
    hint_vi="Thường là ký tự ngắt trang chép từ pdftotext (U+000C), hoặc một chuỗi thoát như \"\\f\". Xóa ký tự đó, hoặc thay bằng dấu cách.",
)

YAML_DUPLICATE_KEY = ErrorType(
    code="yaml-duplicate-key",
    title_en="Duplicate key",
    title_vi="Khóa bị lặp",
    template='duplicate key "{key}" (first defined on line {first_line})',
    variants={"unplaced": 'duplicate key "{key}"'},  # the first one is not at the start of a line (a flow mapping)
    hint_en="A key appears twice in the same block and only one value could be kept: merge the two into one.",
    hint_vi="Một khóa xuất hiện hai lần trong cùng một khối và chỉ giữ được một giá trị: gộp hai chỗ thành một.",
)

TOO_DEEP = ErrorType(
    code="too-deep",
    title_en="Nested too deep",
    title_vi="Lồng quá nhiều cấp",
    template="nested more than {limit} levels deep; close the brackets, or flatten the structure",
    hint_en="The deepest real file (a data package descriptor) nests 8 levels. This many is a bracket opened again and again, '- ' repeated on one line, or a file made to crash the check: close the brackets, or write the structure as the shipped files do.",
    hint_vi="Tệp thật lồng sâu nhất (tệp mô tả gói dữ liệu) chỉ có 8 cấp. Lồng nhiều như vậy là do mở ngoặc liên tục, lặp «- » trên một dòng, hoặc tệp được làm ra để làm hỏng lệnh kiểm tra: đóng các dấu ngoặc, hoặc viết cấu trúc như các tệp có sẵn.",
)

YAML_ALIAS = ErrorType(
    code="yaml-alias",
    title_en="Aliases that expand without bound",
    title_vi="Bí danh bung ra không giới hạn",
    template="the aliases (*name) of this file repeat more than {limit:,} values; write the values out, or use fewer aliases",
    variants={"cycle": "alias (*name) inside the collection it names: an endless structure; write the values out"},
    hint_en="An alias (*name) repeats what its anchor (&name) marks. Nested aliases multiply (ten lists of ten aliases are a billion values) and an alias inside its own anchor never ends. The shipped files use none: write the values out.",
    hint_vi="Bí danh (*tên) lặp lại phần được neo (&tên) đánh dấu. Bí danh lồng nhau nhân lên (mười danh sách, mỗi danh sách mười bí danh, là một tỷ giá trị) và bí danh nằm trong chính phần neo của nó thì không bao giờ kết thúc. Các tệp có sẵn không dùng bí danh: hãy viết đầy đủ các giá trị.",
)

# --------------------------------------------------------------------------- JSON

JSON_SYNTAX = ErrorType(
    code="json-syntax",
    title_en="JSON syntax error",
    title_vi="Lỗi cú pháp JSON",
    template="JSON syntax error: {problem}",
    hint_en="Look at the line shown and the one above it: a missing or extra comma, a key without double quotes, an unclosed bracket. A JSON file is written by a tool (a release manifest by `python -m site_builder.exports.changelog`): write it again with that tool rather than by hand.",
    hint_vi="Xem dòng được chỉ ra và dòng ngay trên nó: thiếu hoặc thừa dấu phẩy, khóa không đặt trong dấu ngoặc kép, dấu ngoặc chưa đóng. Tệp JSON do công cụ tạo ra (bản kê phát hành do lệnh `python -m site_builder.exports.changelog` tạo): hãy tạo lại bằng công cụ đó thay vì sửa tay.",
)

JSON_DUPLICATE_KEY = ErrorType(
    code="json-duplicate-key",
    title_en="Duplicate key in JSON",
    title_vi="Khóa bị lặp trong JSON",
    template='duplicate key "{key}"',
    hint_en="A key appears twice in the same object and a reader keeps only one of the two values (which one depends on the tool): keep one.",
    hint_vi="Một khóa xuất hiện hai lần trong cùng một đối tượng và chương trình đọc chỉ giữ một trong hai giá trị (giữ giá trị nào tùy công cụ): chỉ giữ một.",
)

# --------------------------------------------------------------------------- the content model

SCHEMA = ErrorType(
    code="schema",
    title_en="Not a mapping of fields",
    title_vi="Tệp không gồm các trường",
    template="expected a mapping of fields, got {kind}",
    hint_en="A content file is made of `key: value` lines at the top level, not a list (`- …`) or plain text. Start from `site-builder new`.",
    hint_vi="Tệp nội dung gồm các dòng `khóa: giá trị` ở cấp ngoài cùng, không phải một danh sách (`- …`) hay văn bản thuần. Hãy bắt đầu từ khung do `site-builder new` tạo.",
)

SCHEMA_FAMILY = ErrorType(
    code="schema-",
    family=True,
    title_en="Field does not fit the schema",
    title_vi="Trường không đúng lược đồ",
    template="{detail}",
    hint_en="A family: the code ends with pydantic's error type (schema-missing, schema-extra_forbidden, schema-enum, schema-string_type, schema-date_from_datetime_parsing, …). The message says what the field needs; the field reference above gives every field, its type and whether it is required.",
    hint_vi="Một họ mã lỗi: phần cuối của mã là loại lỗi của pydantic (schema-missing, schema-extra_forbidden, schema-enum, schema-string_type, schema-date_from_datetime_parsing, …). Thông báo nói trường cần gì; bảng tham chiếu các trường ở trên cho biết mỗi trường, kiểu và có bắt buộc hay không.",
)

ID_FILENAME = ErrorType(
    code="id-filename",
    title_en="Id differs from the file name",
    title_vi="Mã khác tên tệp",
    template="id '{id}' must equal the file name '{file_name}'",
    hint_en="Make `id` the file name without .yaml; if the id is the right one, rename the file.",
    hint_vi="Ghi `id` đúng bằng tên tệp (không kể .yaml); nếu mã mới là đúng thì đổi tên tệp.",
)

DUPLICATE_ID = ErrorType(
    code="duplicate-id",
    title_en="Id used twice",
    title_vi="Mã bị trùng",
    template="id '{id}' is already used by {other}; keep one of the two files",
    variants={
        "term": "term '{term}' is already defined in {other}",
        "value": "value '{value}' is listed twice",
        "report-number": "report number '{number}' of issuer '{issuer}' in {year} is already used by {other}: the same document twice?",
        "package-name": "package name '{name}' is already used by {other}",
        "row": "{kind} id '{id}' is also used in {other}",
    },
    hint_en="Ids, glossary terms, breakdown values, package names, and an issuer's report numbers in a year are each used once. Remove the copy, or give one of them another id.",
    hint_vi="Mỗi mã, thuật ngữ, giá trị phân tổ, tên gói dữ liệu, và số văn bản của một cơ quan trong một năm chỉ dùng một lần. Xóa bản trùng, hoặc đặt mã khác cho một trong hai.",
)

UNKNOWN_ID = ErrorType(
    code="unknown-id",
    title_en="Unknown id",
    title_vi="Mã không tồn tại",
    template="unknown {kind} '{id}'",
    variants={"csv": "unknown {kind} '{id}' (no content/{folder}/{id}.yaml)"},
    hint_en="Check the spelling against the file names in content/ (units/, indicators/, reports/); a new unit, indicator or report gets its file first (`site-builder new`).",
    hint_vi="So chính tả với tên các tệp trong content/ (units/, indicators/, reports/); đơn vị, chỉ số hay báo cáo mới thì tạo tệp của nó trước (`site-builder new`).",
)

UNIT_TREE = ErrorType(
    code="unit-tree",
    title_en="Province with a parent",
    title_vi="Tỉnh có đơn vị cấp trên",
    template="a province has no parent",
    hint_en="A province is the top of the unit tree: remove its `parent`, or correct its `level`.",
    hint_vi="Tỉnh là cấp cao nhất của cây đơn vị: xóa trường `parent` của tỉnh, hoặc sửa lại `level`.",
)

UNIT_CYCLE = ErrorType(
    code="unit-cycle",
    title_en="Cycle in the unit tree",
    title_vi="Vòng lặp trong cây đơn vị",
    template="cycle in the unit tree: {chain}",
    hint_en="Following `parent` leads back to the same unit: correct the `parent` of one of the units named.",
    hint_vi="Lần theo `parent` lại quay về chính đơn vị đó: sửa `parent` của một trong các đơn vị được nêu.",
)

MAP_LAYOUT = ErrorType(
    code="map-layout",
    title_en="Map layout inconsistent",
    title_vi="Bố cục bản đồ không nhất quán",
    template="tile {label} is on column {col}, row {row}, already taken by {other}",
    variants={
        "code": "code '{code}' is already on the tile of {other}",
        "label": "label '{label}' is already used by {other}",
        "overlap": "starts on {start}, while {other} is still in force; a day has one map",
    },
    hint_en="A map has one tile per cell, one tile per province code, one label per tile; two maps never cover the same day. Move the tile, or correct the code, label or dates.",
    hint_vi="Mỗi ô của bản đồ có một tỉnh, mỗi mã tỉnh một ô, mỗi nhãn một ô; hai bản đồ không cùng hiệu lực vào một ngày. Dời ô, hoặc sửa mã, nhãn hay ngày hiệu lực.",
)

# --------------------------------------------------------------------------- files named by content

PATH_ESCAPE = ErrorType(
    code="path-escape",
    title_en="Path leaves its folder",
    title_vi="Đường dẫn ra ngoài thư mục",
    template="'{file}' leaves {folder}",
    hint_en="Name a file inside the folder (content/sources/ for a report's text, the package folder for CSVs and schemas), without `..` or a leading `/`.",
    hint_vi="Ghi tên một tệp nằm trong thư mục (content/sources/ cho văn bản báo cáo, thư mục của gói cho tệp CSV và lược đồ), không dùng `..` hay `/` ở đầu.",
)

SYMLINK = ErrorType(
    code="symlink",
    title_en="Symbolic link",
    title_vi="Liên kết tượng trưng",
    template="'{file}' is a symbolic link",
    variants={"content": "symbolic links are not allowed in content/; commit the file itself"},
    hint_en="Commit the file itself, not a link to it: a link breaks on other computers and can point outside the repository.",
    hint_vi="Đưa chính tệp đó vào kho, không dùng liên kết: liên kết bị hỏng trên máy khác và có thể trỏ ra ngoài kho.",
)

MISSING_FILE = ErrorType(
    code="missing-file",
    title_en="File not found",
    title_vi="Không tìm thấy tệp",
    template="file '{file}' not found",
    variants={
        "source": "file content/sources/{file} not found",
        "schema": "schema file '{file}' not found in the package folder",
        "linked-schema": "schema file '{file}' is a symbolic link",
    },
    hint_en="Check the name and folder (upper and lower case count), or add the missing file.",
    hint_vi="Kiểm tra tên tệp và thư mục (phân biệt chữ hoa, chữ thường), hoặc thêm tệp còn thiếu.",
)

# --------------------------------------------------------------------------- settings and releases

SETTINGS = ErrorType(
    code="settings",
    title_en="Invalid site settings (mkdocs.yml)",
    title_vi="Cấu hình trang web (mkdocs.yml) không hợp lệ",
    template="mkdocs.yml not found: the site's settings (theme, address, description) are read from it",
    variants={
        "not-mapping": "expected a mapping of settings, got {kind}",
        "missing": "required setting is missing",
        "type": "expected {expected}, got {kind}",
        "url": "'{value}' is not a web address; write it whole, starting with https://",
        "theme": "theme '{value}' is not installed (installed: {known})",
        "tag": "the tag {tag} is not read by the build, which reads mkdocs.yml as plain YAML; write the value itself",
        "folder": "'{value}' is not a folder of the project; name the theme's overrides folder relative to mkdocs.yml (templates/overrides)",
        "set-by-build": "set by the build ({why}); remove it",
    },
    hint_en="mkdocs.yml is the theme's configuration and the site's; README.md (Settings) says what the build reads from it. Compare with the shipped mkdocs.yml.",
    hint_vi="mkdocs.yml là cấu hình của giao diện và của trang web; README.md (mục Settings) nói bản dựng đọc gì trong tệp này. Đối chiếu với tệp mkdocs.yml có sẵn.",
)

RELEASE = ErrorType(
    code="release",
    title_en="Invalid release manifest",
    title_vi="Bản kê phát hành không hợp lệ",
    template="expected a release manifest (a JSON object), got {kind}",
    variants={
        "format": "must be 1 (the manifest format this site reads), got {value}",
        "missing": "required field is missing",
        "name": "release '{release}' does not match the file name: the file of release {release} is {release}.json",
        "date": "'{value}' is not a valid date; write YYYY-MM-DD",
        "packages": "expected an object of package names, each with its version as text",
        "tables": "expected an object of tables, each an object of row ids, each with a hash (text) and fields (an object of texts)",
        "twice": "release '{release}' is also in {other}",
    },
    hint_en="A release manifest is written by `python -m site_builder.exports.changelog` and never edited by hand: restore the file from git, or cut the release again.",
    hint_vi="Bản kê phát hành do lệnh `python -m site_builder.exports.changelog` tạo ra và không sửa tay: khôi phục tệp từ git, hoặc phát hành lại.",
)

# --------------------------------------------------------------------------- data packages

PACKAGE = ErrorType(
    code="package",
    title_en="Invalid data package descriptor",
    title_vi="Tệp mô tả gói dữ liệu không hợp lệ",
    template="invalid data package: {error}",
    variants={
        "not-mapping": "expected a mapping of fields, got {kind}",
        "missing": "required field is missing",
        "name-type": "expected the package's name as text, got {kind}",
        "name-path": "'{name}' cannot name the dataset's page and files; a package name has no '/', does not start with '.' and is not 'index'",
        "updated": "'{value}' is not a date; write the day of the last update as YYYY-MM-DD",
        "no-resources": "a data package needs a list of resources",
        "resource-type": "expected a resource (name, path, schema), got {kind}",
        "text-type": "expected text, got {kind}",
        "resource-twice": "resource '{name}' is already listed as resources[{index}]",
        "no-fields": "a table schema needs a list of fields, each with a name",
        "field-name": "each field needs a name (text)",
    },
    hint_en="datapackage.yaml has a `name` and a list of `resources`, each with `name`, `path` and `schema`; a schema lists its `fields`, each with a `name`. Compare with the shipped datapackages/*/datapackage.yaml.",
    hint_vi="Tệp datapackage.yaml có `name` và danh sách `resources`, mỗi mục có `name`, `path` và `schema`; lược đồ liệt kê các `fields`, mỗi trường có `name`. Đối chiếu với các tệp datapackages/*/datapackage.yaml có sẵn.",
)

PACKAGE_UNSUPPORTED = ErrorType(
    code="package-unsupported",
    title_en="A data package the site cannot publish as it is",
    title_vi="Gói dữ liệu mà trang chưa thể công bố như hiện tại",
    template="a '{format}' resource is not a table; the site publishes tables (CSV, TSV or inline data)",
    variants={
        "both": "this folder has two descriptors ({other} too); keep one of them",
        "remote": "'{file}' is on the internet, and the build reads no network; download it into the package folder and give its relative path",
        "multipart": "a resource split over several files is not read; join them into one CSV",
        "compression": "compressed resources are not read; unpack the file into the package folder",
        "encoding": "'{encoding}' is not an encoding Python knows; name it as the IANA registry does (utf-8, windows-1258)",
        "dialect": "{why}",
        "dialect-file": "a dialect kept in a file of its own is not read; write its settings in the descriptor",
        "inline": "inline data must be a list of rows (lists) or of records (mappings)",
        "licence": "a licence needs a `name` (an SPDX identifier such as CC-BY-4.0) or a `path` (its web address); descriptors written before 2017 say `id` and `url` instead",
        "csv": "the file is not CSV in the declared dialect ({why}); check the quotes on this line",
    },
    hint_en="Any Frictionless data package whose resources are tables is published; what the site cannot read is named here. Put the data in the package folder as CSV (any delimiter, quote or line end the dialect declares), or inline in the descriptor.",
    hint_vi="Mọi gói dữ liệu Frictionless có tài nguyên là bảng đều được công bố; điều trang chưa đọc được được nêu ở đây. Đặt dữ liệu vào thư mục của gói dưới dạng CSV (dấu phân cách, dấu ngoặc hay ký tự xuống dòng nào cũng được, miễn khai báo trong dialect), hoặc viết trực tiếp trong tệp mô tả.",
)

UNLISTED_FILE = ErrorType(
    code="unlisted-file",
    title_en="CSV not listed in its package",
    title_vi="Tệp CSV chưa khai báo trong gói",
    template="CSV file not listed in {descriptor}: add a resource (name, path, schema) for it, or remove it",
    hint_en="Only listed files are published: add a resource for the CSV to datapackage.yaml, or remove the file.",
    hint_vi="Chỉ tệp được khai báo mới được công bố: thêm một mục `resources` cho tệp CSV vào datapackage.yaml, hoặc xóa tệp.",
)

# --------------------------------------------------------------------------- CSV files

CSV_DELIMITER = ErrorType(
    code="csv-delimiter",
    title_en="Wrong column separator",
    title_vi="Sai dấu phân cách cột",
    template="columns are separated by {separator}; use commas",
    hint_en="A spreadsheet set to Vietnamese often saves with semicolons. Export again with commas as the field separator (LibreOffice: 'Field delimiter ,').",
    hint_vi="Bảng tính đặt ngôn ngữ tiếng Việt thường lưu bằng dấu chấm phẩy. Xuất lại với dấu phẩy làm dấu phân cách (LibreOffice: «Dấu phân cách trường ,»).",
)

CSV_CONTROL = ErrorType(
    code="csv-control",
    title_en="Control character in a CSV",
    title_vi="Ký tự điều khiển trong tệp CSV",
    template="control character U+{codepoint:04X} in the file; remove it, or use a space (spreadsheets cannot store it)",
    hint_en="Usually a page break or line break copied into a cell. Each row stays on one line: delete the character or put a space in its place.",
    hint_vi="Thường là ký tự ngắt trang hoặc xuống dòng bị chép vào ô. Mỗi hàng nằm trên một dòng: xóa ký tự đó hoặc thay bằng dấu cách.",
)

CSV_QUOTE = ErrorType(
    code="csv-quote",
    title_en="Unclosed quote",
    title_vi="Dấu ngoặc kép chưa đóng",
    template="a double-quoted cell is not closed on this line; close the quote (each row stays on one line)",
    hint_en="Close the cell with a double quote before the next comma; a double quote inside a quoted cell is written twice (\"\").",
    hint_vi="Đóng ô bằng dấu ngoặc kép trước dấu phẩy kế tiếp; dấu ngoặc kép nằm trong ô được viết hai lần (\"\").",
)

CSV_EXTRA_COLUMN = ErrorType(
    code="csv-extra-column",
    title_en="Unexpected column",
    title_vi="Cột thừa",
    template="unexpected column '{name}'; expected columns: {expected}",
    hint_en="The header names exactly the columns of the Table Schema: correct the column name, or remove the column.",
    hint_vi="Dòng tiêu đề ghi đúng các cột của Table Schema: sửa tên cột, hoặc xóa cột.",
)

CSV_MISSING_COLUMN = ErrorType(
    code="csv-missing-column",
    title_en="Missing column",
    title_vi="Thiếu cột",
    template="missing column '{name}'",
    hint_en="Add the column to the header (and a cell to every row), in the place the Table Schema gives it.",
    hint_vi="Thêm cột vào dòng tiêu đề (và một ô vào mỗi hàng), đúng vị trí theo Table Schema.",
)

CSV_COLUMN_ORDER = ErrorType(
    code="csv-column-order",
    title_en="Columns out of order",
    title_vi="Sai thứ tự cột",
    template="columns are out of order; expected: {expected}",
    hint_en="Move the columns into the order shown (the order of the Table Schema), cells included.",
    hint_vi="Sắp lại các cột theo thứ tự được nêu (thứ tự của Table Schema), kể cả dữ liệu trong các ô.",
)

FRICTIONLESS_FAMILY = ErrorType(
    code="frictionless-",
    family=True,
    title_en="Data breaks its Table Schema",
    title_vi="Dữ liệu không khớp Table Schema",
    template="{detail}",
    hint_en="A family: the code ends with frictionless' error type (frictionless-type-error, frictionless-constraint-error, frictionless-primary-key, frictionless-extra-cell, frictionless-missing-cell, frictionless-blank-row, …). The message names the cell and what to write instead; the column table above gives each column's type and constraints.",
    hint_vi="Một họ mã lỗi: phần cuối của mã là loại lỗi của frictionless (frictionless-type-error, frictionless-constraint-error, frictionless-primary-key, frictionless-extra-cell, frictionless-missing-cell, frictionless-blank-row, …). Thông báo chỉ ra ô và cách ghi đúng; bảng các cột ở trên cho biết kiểu và ràng buộc của mỗi cột.",
)

# --------------------------------------------------------------------------- figures and targets

VALUE_RANGE = ErrorType(
    code="value-range",
    title_en="Number not finite",
    title_vi="Số không hữu hạn",
    template="'{value}' is not a finite number",
    hint_en="Write the number as the report prints it; 1e400 or inf is no count or share.",
    hint_vi="Ghi số đúng như báo cáo in; 1e400 hay inf không phải số đếm hay tỷ lệ.",
)

PERCENT_RANGE = ErrorType(
    code="percent-range",
    title_en="Percentage over 100",
    title_vi="Tỷ lệ phần trăm lớn hơn 100",
    template="{value} is over 100 for a percent indicator",
    hint_en="A share is at most 100: check the figure against the source, and the indicator (a count filed under a percent indicator?).",
    hint_vi="Tỷ lệ không vượt quá 100: đối chiếu số liệu với văn bản gốc, và xem lại chỉ số (một số đếm ghi nhầm vào một chỉ số tỷ lệ?).",
)

COUNT_INTEGER = ErrorType(
    code="count-integer",
    title_en="Count with a fraction",
    title_vi="Số đếm không phải số nguyên",
    template="{value} is not a whole number for a count indicator",
    hint_en="A count is a whole number: check the figure, and write 7447, not 7.447 (no thousands separator).",
    hint_vi="Số đếm là số nguyên: kiểm tra số liệu, và ghi 7447 chứ không ghi 7.447 (không dùng dấu phân cách hàng nghìn).",
)

PERIOD_ORDER = ErrorType(
    code="period-order",
    title_en="Period ends before it starts",
    title_vi="Kỳ kết thúc trước khi bắt đầu",
    template="period ends ({end}) before it starts ({start})",
    hint_en="Swap or correct period_start and period_end (dates are YYYY-MM-DD).",
    hint_vi="Đổi chỗ hoặc sửa period_start và period_end (ngày ghi theo dạng YYYY-MM-DD).",
)

PERIOD_MISMATCH = ErrorType(
    code="period-mismatch",
    title_en="Period code and dates disagree",
    title_vi="Mã kỳ không khớp ngày đầu, ngày cuối",
    template="{why}",
    variants={"code": "'{period}' is not a period code; write {examples}"},
    hint_en="The code names the period as the document words it (2021 a year, 2021-Q3 a quarter, 2022-9M the first nine months, 2021-07-21/2021-08-20 a range, ../2023-09-30 a running total to a date); period_start and period_end are its first and last day. A year or quarter may also run from the 15th of the month before to the 14th (Decree 09/2019). Write the code the dates are, as the message suggests, never a year for part of one.",
    hint_vi="Mã kỳ ghi đúng kỳ như văn bản nêu (2021 là năm, 2021-Q3 là quý, 2022-9M là 9 tháng đầu năm, 2021-07-21/2021-08-20 là một khoảng ngày, ../2023-09-30 là lũy kế đến một ngày); period_start và period_end là ngày đầu và ngày cuối của kỳ. Năm hoặc quý cũng có thể tính từ ngày 15 tháng trước đến ngày 14 (Nghị định 09/2019). Ghi mã đúng với các ngày như thông báo gợi ý, không bao giờ ghi cả năm cho một phần của năm.",
)

QUALIFIER_VALUE = ErrorType(
    code="qualifier-value",
    title_en="Qualifier without a value",
    title_vi="Có từ hạn định nhưng không có giá trị",
    template="qualifier '{qualifier}' qualifies a value, but the value is empty",
    hint_en="A qualifier (approx, more_than, at_least, less_than, at_most, estimated) says how the report words its number: give the number as printed, or leave the qualifier empty for a missing figure.",
    hint_vi="Từ hạn định (approx, more_than, at_least, less_than, at_most, estimated) nói văn bản diễn đạt con số thế nào: ghi con số như văn bản in, hoặc để trống từ hạn định khi không có số liệu.",
)

STATUS_VALUE = ErrorType(
    code="status-value",
    title_en="Status and value disagree",
    title_vi="Trạng thái và giá trị không khớp",
    template="status is 'missing' but a value is given",
    variants={"no-value": "status is 'reported' but the value is empty"},
    hint_en="A `reported` figure has a value; a figure the report does not give is `missing`, with the value left empty.",
    hint_vi="Số liệu `reported` phải có giá trị; số liệu báo cáo không nêu thì ghi `missing` và để trống giá trị.",
)

FLAG_NOTE = ErrorType(
    code="flag-note",
    title_en="Flag without a note",
    title_vi="Cờ đánh dấu thiếu ghi chú",
    template="flag '{flag}' needs a note in both languages",
    hint_en="Say why the figure is flagged in note_vi and note_en; readers see the note beside the figure.",
    hint_vi="Ghi lý do đánh dấu số liệu vào note_vi và note_en; người đọc thấy ghi chú bên cạnh số liệu.",
)

FIGURES_DISAGREE = ErrorType(
    code="figures-disagree",
    severity=Severity.warning,
    title_en="The same figure with different values",
    title_vi="Cùng một số liệu nhưng khác giá trị",
    template="{indicator} for {unit}, {period}{breakdown} is given as {detail}; flag the rows `inconsistent` with a note saying which the report contradicts, or correct a misread value",
    variants={"rounding": "{indicator} for {unit}, {period}{breakdown} is given as {detail}, a difference rounding explains; flag the rows `rounding` with a note"},
    hint_en="Two rows say different things about one unit, indicator, period and breakdown. If the report itself says both, keep both as published and flag them; the site shows the flag and the note beside each. A warning: `check --strict` fails on it until a row is flagged.",
    hint_vi="Hai dòng nói khác nhau về cùng một đơn vị, chỉ số, kỳ và phân tổ. Nếu chính văn bản nêu cả hai thì giữ nguyên cả hai như đã công bố và đánh dấu; trang hiển thị dấu và ghi chú bên cạnh. Chỉ là cảnh báo: `check --strict` báo lỗi cho đến khi có dòng được đánh dấu.",
)

IDENTITY_BROKEN = ErrorType(
    code="identity-broken",
    severity=Severity.warning,
    title_en="Figures break an identity of the catalogue",
    title_vi="Số liệu trái với một đẳng thức của danh mục chỉ số",
    template="{name}: {detail} for {unit}, {period}{breakdown} (rows {rows}); flag the row that is wrong `inconsistent` with a note, or correct a misread value",
    variants={"rounding": "{name}: {detail} for {unit}, {period}{breakdown} (rows {rows}), a gap rounding explains (half a unit of each number's last printed digit); flag the rows `rounding` with a note"},
    hint_en="The indicators' `identities` (and each share's formula) say how figures relate: early + on time + late = resolved, online at most received, a breakdown at most its total. When the report's own numbers break one, keep them as published and flag them; a gap within rounding gets the quiet `rounding` flag, not `inconsistent`.",
    hint_vi="Mục `identities` của chỉ số (và công thức của mỗi tỷ lệ) nói các số liệu liên hệ với nhau thế nào: trước hạn + đúng hạn + trễ hạn = đã giải quyết, trực tuyến không quá tổng tiếp nhận, một phân tổ không quá tổng. Khi chính số liệu của văn bản trái với đẳng thức, giữ nguyên như đã công bố và đánh dấu; chênh lệch trong phạm vi làm tròn thì dùng dấu `rounding`, không dùng `inconsistent`.",
)

SHARE_FORMULA = ErrorType(
    code="share-formula",
    severity=Severity.warning,
    title_en="A published share is not its formula's value",
    title_vi="Tỷ lệ công bố khác giá trị tính theo công thức",
    template="{name}: {detail}, more than rounding explains, for {unit}, {period}{breakdown} (rows {rows}); flag the share `inconsistent` with a note saying what it was divided by",
    hint_en="The report's share does not come from its own numerator and denominator, even allowing half a unit of every last printed digit: often it was divided by another total (received rather than resolved). Keep it as published, flag it and say so in the note.",
    hint_vi="Tỷ lệ văn bản công bố không ra từ chính tử số và mẫu số của nó, kể cả khi tính đến nửa đơn vị của chữ số cuối được in: thường là đã chia cho một tổng khác (tiếp nhận thay vì đã giải quyết). Giữ nguyên như đã công bố, đánh dấu và ghi rõ trong ghi chú.",
)

FLAG_UNEXPLAINED = ErrorType(
    code="flag-unexplained",
    severity=Severity.warning,
    title_en="Rounding flag on agreeing figures",
    title_vi="Dấu làm tròn trên số liệu không chênh lệch",
    template="flagged `rounding` but no check finds a rounding gap involving this row",
    hint_en="The `rounding` flag says a visible gap (22.2 + 77.3 + 0.4 = 99.9) comes from rounding. Where no identity shows one, remove the flag, or declare the identity the note relies on in the indicator's `identities`.",
    hint_vi="Dấu `rounding` nói một chênh lệch nhìn thấy được (22,2 + 77,3 + 0,4 = 99,9) là do làm tròn. Nếu không đẳng thức nào cho thấy chênh lệch đó thì bỏ dấu, hoặc khai báo đẳng thức mà ghi chú dựa vào trong mục `identities` của chỉ số.",
)

IDENTITY_SELF = ErrorType(
    code="identity-self",
    title_en="Identity names its own indicator",
    title_vi="Đẳng thức nhắc lại chính chỉ số của nó",
    template="'{id}' is the indicator that declares this identity; name the other indicators it relates to",
    hint_en="An identity relates an indicator to others: the parts of its sum, or the indicator it never exceeds.",
    hint_vi="Một đẳng thức liên hệ một chỉ số với các chỉ số khác: các phần cộng lại thành nó, hoặc chỉ số mà nó không bao giờ vượt quá.",
)

FIGURE_ID = ErrorType(
    code="figure-id",
    title_en="Figure id without its report id",
    title_vi="Mã số liệu không bắt đầu bằng mã báo cáo",
    template="id must start with the report id '{report}-'",
    hint_en="A figure's id is its report's id, a hyphen and a number: bc-2021-001.",
    hint_vi="Mã số liệu gồm mã báo cáo, dấu gạch ngang và số thứ tự: bc-2021-001.",
)

QUOTE_NOT_IN_SOURCE = ErrorType(
    code="quote-not-in-source",
    title_en="Quote not in the source text",
    title_vi="Trích dẫn không có trong văn bản gốc",
    template="quote not found verbatim in the report's source text",
    hint_en="Copy the quote from content/sources/ exactly, letter for letter (line breaks and spaces may differ); correct the figure if the copy shows a typo.",
    hint_vi="Chép trích dẫn đúng từng chữ từ content/sources/ (xuống dòng và dấu cách có thể khác); nếu bản chép cho thấy lỗi gõ thì sửa lại số liệu.",
)

UNKNOWN_BREAKDOWN = ErrorType(
    code="unknown-breakdown",
    title_en="Unknown breakdown",
    title_vi="Phân tổ không xác định",
    template="unknown breakdown '{key}': add content/breakdowns/{key}.yaml naming it and its values in both languages",
    variants={"value": "'{value}' is not a value of breakdown '{key}' (known: {known}); add it to content/breakdowns/{key}.yaml"},
    hint_en="A breakdown (`channel=hotline`) names a dimension and one of its values; both are listed, in both languages, in content/breakdowns/. `site-builder new breakdown channel hotline --vi … --en …` adds a value, or the dimension with it (keeping the file's comments).",
    hint_vi="Phân tổ (`channel=hotline`) gồm tên chiều phân tổ và một giá trị của nó; cả hai phải được khai báo bằng hai thứ tiếng trong content/breakdowns/. Lệnh `site-builder new breakdown channel hotline --vi … --en …` thêm một giá trị, hoặc tạo chiều phân tổ cùng giá trị đó (giữ nguyên chú thích trong tệp).",
)

# --------------------------------------------------------------------------- the content folder

UNKNOWN_FOLDER = ErrorType(
    code="unknown-folder",
    title_en="Unknown folder in content/",
    title_vi="Thư mục lạ trong content/",
    template="unknown folder; content/ holds {known}",
    hint_en="Files in a folder no loader reads are never published: move them to the right folder (often a misspelt name, report/ for reports/).",
    hint_vi="Tệp trong thư mục không được đọc sẽ không bao giờ được công bố: chuyển chúng vào đúng thư mục (thường do gõ sai tên, report/ thay vì reports/).",
)

UNKNOWN_FILE = ErrorType(
    code="unknown-file",
    title_en="File outside the content folders",
    title_vi="Tệp nằm ngoài các thư mục nội dung",
    template="file outside the content folders",
    variants={"release": "not a release manifest: datapackages/releases/ holds only <release>.json files"},
    hint_en="Move the file into the folder of its kind (units/, indicators/, reports/, …), or remove it. datapackages/releases/ holds the release manifests only.",
    hint_vi="Chuyển tệp vào thư mục đúng loại (units/, indicators/, reports/, …), hoặc xóa tệp. Thư mục datapackages/releases/ chỉ chứa các bản kê phát hành.",
)

TRANSLATION_MISSING = ErrorType(
    code="translation-missing",
    severity=Severity.warning,
    title_en="English translation missing",
    title_vi="Thiếu bản dịch tiếng Anh",
    template="English translation missing (shown as 'not yet translated')",
    hint_en="A warning: the site still builds and shows 'not yet translated'. Add the `en` text; `site-builder translations` lists every one missing, and `check --strict` fails on them.",
    hint_vi="Chỉ là cảnh báo: trang vẫn được dựng và trang tiếng Anh ghi «chưa dịch». Thêm văn bản `en`; lệnh `site-builder translations` liệt kê mọi chỗ còn thiếu, và `check --strict` báo lỗi nếu còn.",
)

# --------------------------------------------------------------------------- site-builder fmt

FMT_ORDER = ErrorType(
    code="fmt-order",
    title_en="Keys out of schema order",
    title_vi="Các khóa sai thứ tự lược đồ",
    template="keys are not in schema order and could not be moved safely; reorder them by hand",
    hint_en="`fmt` leaves the file as it is: move the keys into the order of the field reference by hand, then run `fmt` again.",
    hint_vi="`fmt` giữ nguyên tệp: tự sắp các khóa theo thứ tự trong bảng tham chiếu các trường, rồi chạy lại `fmt`.",
)

# --------------------------------------------------------------------------- sources on the web

WEB_SOURCE = ErrorType(
    code="web-source",
    title_en="Web source not fully cited",
    title_vi="Nguồn trên mạng thiếu thông tin trích dẫn",
    template="required for a {kind} (document_type {document_type}): {what}",
    variants={
        "pair": "{given} is given, so {needed} is needed too: an address is cited with the day it was read",
        "before": "retrieved on {retrieved}, before the {kind} was dated ({date}); write the day you read it",
        "future": "{retrieved} is in the future; write the day you read it",
    },
    hint_en="A press article (bai_bao) or web page (trang_web) names its publisher as printed, the address it was read at (url) and the day it was read (retrieved): pages change and disappear, and a reader checks the figures against what was there that day. A document found online may give url and retrieved too, always both.",
    hint_vi="Bài báo (bai_bao) hay trang web (trang_web) phải ghi cơ quan đăng tải (publisher) như được in, địa chỉ đã đọc (url) và ngày đọc (retrieved): trang web thay đổi và có thể mất, người đọc đối chiếu số liệu với nội dung của trang vào ngày đó. Văn bản tìm thấy trên mạng cũng có thể ghi url và retrieved, luôn ghi cả hai.",
)


# --------------------------------------------------------------------------- site-builder new

NEW_EXISTS = ErrorType(
    code="new-exists",
    title_en="Already exists",
    title_vi="Đã có",
    template="{kind} '{id}' already exists; not overwritten",
    variants={"value": "value '{value}' is already in breakdown '{key}'; not added"},
    hint_en="`site-builder new` never overwrites: edit the existing file, or choose another id.",
    hint_vi="`site-builder new` không bao giờ ghi đè: sửa tệp đã có, hoặc chọn mã khác.",
)

NEW_ID = ErrorType(
    code="new-id",
    title_en="Not a valid id",
    title_vi="Mã không hợp lệ",
    template="{kind} '{id}' must be {rule}",
    hint_en="An id is written once and never changes: lower-case ASCII without diacritics, as the field reference says for its kind.",
    hint_vi="Mã được đặt một lần và không đổi: chữ thường ASCII không dấu, theo đúng quy định của loại mã đó trong bảng tham chiếu các trường.",
)

# --------------------------------------------------------------------------- several breakdowns per figure (issue 22)

BREAKDOWN_FORM = ErrorType(
    code="breakdown-form",
    title_en="Breakdown written in another form",
    title_vi="Phân tổ viết sai dạng",
    template="dimension '{key}' is given twice in '{code}'; a figure belongs to one value of each dimension",
    variants={"order": "write the dimensions of '{code}' in alphabetical order: {canonical} (`site-builder fmt` does)"},
    hint_en="Several breakdowns are written dimension=value pairs joined by ';', each dimension once and in alphabetical order "
            "(`cause=system_error;level=district`), so that the same sub-group is always written the same way; `site-builder fmt` puts them in order.",
    hint_vi="Nhiều phân tổ được viết thành các cặp chiều=giá trị nối bằng dấu ';', mỗi chiều một lần và theo thứ tự chữ cái "
            "(`cause=system_error;level=district`), để cùng một nhóm luôn được viết giống nhau; lệnh `site-builder fmt` tự sắp lại thứ tự.",
)

# --------------------------------------------------------------------------- readings of OCR quotes

READING_DIFFERS = ErrorType(
    code="reading-differs",
    title_en="Reading says something else than its OCR quote",
    title_vi="Bản đọc khác nội dung trích dẫn OCR",
    template="the reading is not the same text as its OCR quote: {why}",
    hint_en="A reading restores only what the OCR lost: diacritics, and letters misread as the table in CONTRIBUTING.md lists. Keep every word and every digit of the quote, in its order; a word or number the OCR does not show cannot be added, and none can be left out.",
    hint_vi="Bản đọc chỉ khôi phục những gì OCR làm hỏng: dấu, và các chữ bị đọc nhầm theo bảng trong CONTRIBUTING.md. Giữ nguyên mọi chữ và mọi chữ số của trích dẫn, đúng thứ tự; không thêm chữ hay số mà bản OCR không có, không bỏ bớt.",
)

READING_MISSING = ErrorType(
    code="reading-missing",
    severity=Severity.warning,
    title_en="OCR quote without a readable reading",
    title_vi="Trích dẫn OCR chưa có bản đọc",
    template="quote of an OCR source whose diacritics are restored has no reading in {file}; the page shows the raw OCR",
    hint_en="Add an entry to the readings file named: `ocr:` the quote exactly as in this row, `reading:` the same sentence in correct Vietnamese. A warning; `check --strict` fails on it.",
    hint_vi="Thêm một mục vào tệp bản đọc được nêu: `ocr:` trích dẫn đúng như ở dòng này, `reading:` cùng câu đó bằng tiếng Việt chuẩn. Chỉ là cảnh báo; `check --strict` báo lỗi.",
)

READING_UNUSED = ErrorType(
    code="reading-unused",
    severity=Severity.warning,
    title_en="Reading of no figure's quote",
    title_vi="Bản đọc không thuộc trích dẫn nào",
    template="no figure or target of report '{report}' quotes this text",
    variants={"duplicate": "this quote already has a reading on line {other}"},
    hint_en="The `ocr` text must be the quote exactly as in the figures (copy it from the CSV). If the figure was removed or its quote changed, remove or correct the entry; a quote has one reading.",
    hint_vi="Văn bản `ocr` phải đúng như trích dẫn trong số liệu (chép từ tệp CSV). Nếu số liệu đã bị xóa hoặc trích dẫn đã đổi, xóa hoặc sửa mục này; mỗi trích dẫn chỉ có một bản đọc.",
)


# Every entry above, in the order written (the order of the documentation).
CATALOGUE: tuple[ErrorType, ...] = tuple(value for value in list(globals().values()) if isinstance(value, ErrorType))


def lookup(code: str) -> ErrorType | None:
    """The entry of a problem's code: the entry with that code, else the family it belongs to, else None."""
    exact = next((entry for entry in CATALOGUE if not entry.family and entry.code == code), None)
    return exact or next((entry for entry in CATALOGUE if entry.matches(code)), None)
