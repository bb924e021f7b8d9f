//! Rendered records read back: every record of every bundled case is written, each PDF has
//! its pages, its text carries the client, number, revision and the form's mandatory items,
//! its fonts are embedded, builds are byte-identical, and hostile text stays text.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use certdoc::driver::build::{Options, build_project};
use certdoc::load::Date;
use certdoc::output::Index;

use crate::common;
use crate::common::repo;

#[path = "render/part_b.rs"]
mod part_b;

fn as_of() -> Date {
    Date::parse("2026-11-21").expect("a date")
}

/// Build the bundled cases into `out`, in a copy of the repository's project: a build
/// writes lock files beside the cases, and a test never writes into the repository.
fn build_into(paths: &[PathBuf], out: &Path) -> certdoc::driver::build::Built {
    static COPY: OnceLock<tempfile::TempDir> = OnceLock::new();
    let copy = COPY.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temp dir");
        for sub in ["rules", "templates", "cases"] {
            common::copy_tree(&repo().join(sub), &dir.path().join(sub));
        }
        dir
    });
    let paths: Vec<PathBuf> = paths
        .iter()
        .map(|p| match p.strip_prefix(repo()) {
            Ok(rel) => copy.path().join(rel),
            Err(_) => p.clone(),
        })
        .collect();
    build_in(copy.path(), &paths, out)
}

/// Build in the project at `root`.
fn build_in(root: &Path, paths: &[PathBuf], out: &Path) -> certdoc::driver::build::Built {
    let opts = Options {
        out: out.to_path_buf(),
        threads: 2,
        progress: None,
        locked: false,
        force: false,
        shard: None,
        loading: certdoc::driver::Loading::default(),
    };
    build_project(root, paths, as_of(), &opts).expect("the build runs")
}

/// The bundled cases, built once for all tests of this file.
fn bundled() -> &'static (tempfile::TempDir, Index) {
    static BUILT: OnceLock<(tempfile::TempDir, Index)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temp dir");
        let built = build_into(&[], dir.path());
        assert!(built.failures.is_empty(), "{:?}", built.failures);
        assert_eq!(built.report.errors(), 0, "{:?}", built.report.diagnostics);
        let text = std::fs::read_to_string(dir.path().join("index.json")).expect("index.json");
        let index: Index = serde_json::from_str(&text).expect("index.json parses");
        (dir, index)
    })
}

/// The text of a PDF with all whitespace removed (extraction breaks lines anywhere).
fn text_of(pdf: &Path) -> String {
    let bytes = std::fs::read(pdf).expect("the PDF exists");
    let text = pdf_extract::extract_text_from_mem(&bytes).expect("text extracts");
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn pages_of(pdf: &Path) -> usize {
    lopdf::Document::load(pdf)
        .expect("lopdf reads it")
        .get_pages()
        .len()
}

/// Every font the PDF uses, with whether its program is embedded.
fn fonts_of(pdf: &Path) -> Vec<(String, bool)> {
    let doc = lopdf::Document::load(pdf).expect("lopdf reads it");
    let mut out = Vec::new();
    for (_, obj) in doc.objects.iter() {
        let Ok(dict) = obj.as_dict() else { continue };
        let is_descriptor = dict
            .get(b"Type")
            .and_then(|t| t.as_name())
            .is_ok_and(|n| n == b"FontDescriptor");
        if !is_descriptor {
            continue;
        }
        let name = dict
            .get(b"FontName")
            .and_then(|n| n.as_name())
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let embedded = [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
            .iter()
            .any(|k| dict.get(k).is_ok());
        out.push((name, embedded));
    }
    out
}

/// What each form must show besides the client, number and revision (rule-catalogue B).
fn mandatory(form: &str) -> &'static [&'static str] {
    match form {
        "audit-plan" => &[
            "审核目的",
            "审核准则",
            "审核范围",
            "审核日期",
            "人日",
            "审核组",
            "认证人员注册号",
            "审核组长",
            "受审核方确认",
            "修订记录",
        ],
        "audit-time" => &[
            "有效人数",
            "附录A",
            "风险等级",
            "减少审核时间",
            "现场审核",
            "技术专家",
            "修订记录",
        ],
        "nc-report" => &[
            "不符合事实描述",
            "不符合标准条款",
            "严重不符合",
            "一般不符合",
            "审核员",
            "审核组长确认",
            "管理者代表",
            "原因分析",
            "纠正措施",
            "纠正措施验证",
            "修订记录",
        ],
        "audit-report" => &[
            "认证机构",
            "审核类型",
            "审核准则",
            "审核目的",
            "审核组",
            "审核项目",
            "不符合项",
            "审核组推荐意见",
            "抽样",
            "审核组长",
            "修订记录",
        ],
        "decision" => &[
            "审核与报告评价",
            "严重不符合",
            "一般不符合",
            "认证决定",
            "本人声明",
            "六、批准",
            "修订记录",
        ],
        "certificate" => &[
            "认证证书",
            "统一社会信用代码",
            "注册地址",
            "认证范围",
            "覆盖场所",
            "签发日期",
            "有效截止日期",
            "获证组织必须定期接受监督审核并经审核合格此证书方继续有效",
            "查询",
        ],
        "suspension" => &[
            "文号",
            "根据",
            "暂停范围",
            "暂停起始日期",
            "暂停期限",
            "不得以任何方式使用认证证书",
            "撤销认证证书",
            "特此通知",
            "（盖章）",
            "抄送",
        ],
        "restoration" => &[
            "文号",
            "根据HZL-MSRG-0057.2",
            "起暂停",
            "暂停原因",
            "造成暂停的原因已经消除",
            "恢复范围",
            "保持不变",
            "可按规定使用认证证书和认证标志",
            "特此通知",
            "（盖章）",
        ],
        "withdrawal" => &[
            "文号",
            "根据",
            "撤销范围",
            "认证证书失效",
            "停止使用认证证书和认证标志",
            "交回本机构",
            "特此通知",
            "（盖章）",
            "抄送",
        ],
        other => panic!("no expectations for form {other}"),
    }
}

fn clients() -> BTreeMap<&'static str, &'static str> {
    BTreeMap::from([
        ("TB-PIC-2026-003", "赣云数据科技有限公司"),
        ("TB-CMS-2022-008", ""),
        ("HZL-TS-2024-017", ""),
    ])
}

#[test]
fn every_record_of_every_bundled_case_is_written_and_listed() {
    let (dir, index) = bundled();
    let forms: std::collections::BTreeSet<&str> =
        index.records.iter().map(|r| r.form.as_str()).collect();
    // Every form certdoc knows is rendered from the bundled cases.
    for form in certdoc::load::form::Form::ALL.iter().map(|f| f.key()) {
        assert!(forms.contains(form), "no {form} among {forms:?}");
    }
    let cases: std::collections::BTreeSet<&str> =
        index.records.iter().map(|r| r.case.as_str()).collect();
    for case in clients().keys() {
        assert!(cases.contains(case), "{case} missing from index.json");
    }
    for r in &index.records {
        let path = dir.path().join(&r.file);
        let bytes = std::fs::read(&path).expect("the listed file exists");
        assert_eq!(certdoc::output::sha256(&bytes), r.sha256, "{}", r.file);
        assert_eq!(
            r.file,
            format!(
                "{}/{}_{}.pdf",
                r.case,
                r.number,
                r.revision.replace('/', "-")
            )
        );
    }
    // The revision declared in the example case is the one rendered.
    assert!(
        index
            .records
            .iter()
            .any(|r| r.number == "TB-PIC-2026-003-PL-S2" && r.revision == "A/2"),
        "the audit plan of S2 is at A/2"
    );
}

#[test]
fn each_pdf_shows_client_number_revision_and_its_forms_mandatory_items() {
    let (dir, index) = bundled();
    for r in &index.records {
        let path = dir.path().join(&r.file);
        let text = text_of(&path);
        let case = std::fs::read_to_string(
            walkdir::WalkDir::new(repo().join("cases"))
                .into_iter()
                .filter_map(Result::ok)
                .find(|e| e.path().file_stem().is_some_and(|s| s == r.case.as_str()))
                .expect("the case file")
                .path(),
        )
        .expect("readable");
        let client = case
            .lines()
            .find_map(|l| l.trim().strip_prefix("name: "))
            .expect("a client name")
            .split('#')
            .next()
            .unwrap_or_default()
            .trim()
            .to_string();
        assert!(
            text.contains(&squash(&client)),
            "{}: no client {client}",
            r.file
        );
        assert!(text.contains(&r.number), "{}: no number", r.file);
        assert!(text.contains(&r.revision), "{}: no revision", r.file);
        for item in mandatory(&r.form) {
            assert!(text.contains(&squash(item)), "{}: no `{item}`", r.file);
        }
        assert_eq!(pages_of(&path), r.pages, "{}", r.file);
        assert!(r.pages >= 1);
        let fonts = fonts_of(&path);
        assert!(!fonts.is_empty(), "{}: no fonts", r.file);
        for (name, embedded) in fonts {
            assert!(embedded, "{}: font {name} not embedded", r.file);
        }
    }
}

#[test]
fn building_twice_gives_byte_identical_files() {
    let (_, first) = bundled();
    let dir = tempfile::tempdir().expect("a temp dir");
    build_into(&[], dir.path());
    let text = std::fs::read_to_string(dir.path().join("index.json")).expect("index.json");
    let second: Index = serde_json::from_str(&text).expect("parses");
    assert_eq!(first.records, second.records);
}

#[test]
fn pdfs_declare_pdf_a_2b() {
    let (dir, index) = bundled();
    let r = &index.records[0];
    let bytes = std::fs::read(dir.path().join(&r.file)).expect("the PDF");
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("pdfaid:part"), "no PDF/A identification");
    assert!(text.contains("OutputIntent"), "no output intent");
}

/// A case whose every text field a record shows is hostile to Typst.
fn hostile_case() -> String {
    let base = std::fs::read_to_string(repo().join("cases/2026/TB-PIC-2026-003.yaml"))
        .expect("the example case");
    base.replace(
        "name: 赣云数据科技有限公司",
        r#"name: '赣云 #read("/etc/passwd") $x^2$ #set page(width: 1cm) <lab> @ref *b* _i_ \ \\ [x] // c 𠂇'"#,
    )
    .replace(
        "cause: 新入职员工未接受成文信息控制程序培训。",
        "cause: |\n          = 不是标题\n          #import \"/etc\": *\n          - 列表项 `code` a<b\n            - 第二层 ‹›\n              - 第三层",
    )
}

#[test]
fn hostile_text_renders_verbatim() {
    let project = common::project_with(&[("hostile.yaml", &hostile_case())]);
    let case = project.path().join("cases/hostile.yaml");
    let out = project.path().join("out");
    let built = build_in(project.path(), &[case], &out);
    assert!(built.failures.is_empty(), "{:?}", built.failures);
    assert_eq!(built.report.errors(), 0, "{:?}", built.report.diagnostics);
    assert!(built.entries.len() > 5);
    for e in &built.entries {
        let text = text_of(&out.join(&e.file));
        for needle in [
            r#"#read("/etc/passwd")"#,
            "$x^2$",
            "#setpage(width:1cm)",
            "<lab>@ref*b*_i_",
            r"\\\[x]//c𠂇",
        ] {
            assert!(text.contains(needle), "{}: `{needle}` not verbatim", e.file);
        }
        // The page was not shrunk to 1 cm.
        let doc = lopdf::Document::load(out.join(&e.file)).expect("reads");
        for (_, page) in doc.get_pages() {
            let media = doc
                .get_dictionary(page)
                .and_then(|d| d.get(b"MediaBox"))
                .and_then(|m| m.as_array())
                .map(|a| a.len())
                .unwrap_or(4);
            assert_eq!(media, 4);
        }
    }
    let nc = built
        .entries
        .iter()
        .find(|e| e.number.ends_with("NC01"))
        .expect("the NC report");
    let text = text_of(&out.join(&nc.file));
    assert!(
        text.contains("=不是标题"),
        "a line starting with `= ` stays text"
    );
    assert!(text.contains(r#"#import"/etc":*"#));
    assert!(text.contains("a<b"));
    // Nested lists render, with markers the bundled fonts have.
    assert!(text.contains("第二层") && text.contains("第三层"), "{text}");
}

#[test]
fn a_character_no_font_has_is_refused_naming_field_and_line() {
    let text = hostile_case()
        .replace("representative: 刘敏", "representative: 刘敏 😀")
        .replace("规定经部门负责人审批", "规定经部门负责人𠀀审批");
    let line = text
        .lines()
        .position(|l| l.contains("😀"))
        .expect("the line")
        + 1;
    let project = common::project_with(&[("emoji.yaml", &text)]);
    let case = project.path().join("cases/emoji.yaml");
    let out = project.path().join("out");
    let built = build_in(project.path(), &[case], &out);
    let d = built
        .report
        .diagnostics
        .iter()
        .find(|d| d.rule == "font-coverage")
        .expect("a font-coverage diagnostic");
    assert_eq!(d.pos.line as usize, line);
    assert!(d.message.contains("client.representative"), "{}", d.message);
    assert!(d.message.contains("U+1F600"), "{}", d.message);
    // A CJK Extension B character the fonts lack (U+20000; they have U+20087) is caught too.
    let ext_b = built
        .report
        .diagnostics
        .iter()
        .find(|d| d.message.contains("U+20000"))
        .expect("a diagnostic for U+20000");
    assert!(
        ext_b.message.contains("nonconformities.description"),
        "{}",
        ext_b.message
    );
    assert!(built.entries.is_empty(), "nothing of that case is written");
    assert_eq!(built.skipped.len(), 1);
}

#[test]
fn filled_records_carry_no_controlled_mark_page_x_of_y_once_and_tick_states_as_text() {
    let (dir, index) = bundled();
    for e in &index.records {
        let pdf = dir.path().join(&e.file);
        let text = text_of(&pdf);
        assert!(
            !text.contains("受控文件"),
            "{}: a filled record is not a controlled document",
            e.file
        );
        let pages = pages_of(&pdf);
        for page in 1..=pages {
            let label = format!("第{page}页共{pages}页");
            assert_eq!(text.matches(&label).count(), 1, "{}: {label} once", e.file);
        }
        assert!(!text.contains("页码"), "{}", e.file);
        if ["suspension", "restoration", "withdrawal"].contains(&e.form.as_str()) {
            assert!(
                !text.contains("修订记录"),
                "{}: a letter to the client",
                e.file
            );
        }
        if e.form == "nc-report" {
            // The grade is in the text layer: one box ticked, one not.
            assert!(
                text.contains("■严重不符合") ^ text.contains("■一般不符合"),
                "{}: {text}",
                e.file
            );
            assert!(text.contains("□严重不符合") ^ text.contains("□一般不符合"));
        }
    }
}

#[test]
fn certificates_carry_their_schemes_statements_and_where_to_verify_them() {
    let (dir, index) = bundled();
    let certs: Vec<_> = index
        .records
        .iter()
        .filter(|e| e.form == "certificate")
        .collect();
    assert!(!certs.is_empty());
    for e in certs {
        let text = text_of(&dir.path().join(&e.file));
        assert!(text.contains("获证组织必须定期接受监督审核并经审核合格此证书方继续有效"));
        assert!(text.contains("cx.cnca.cn"), "认e云 with its address");
        assert!(
            text.contains(&format!("={}", e.number)),
            "the verification URL of this certificate: {text}"
        );
        if e.case.starts_with("HZL") {
            assert!(text.contains(
                "本证书信息可在国家认证认可监督管理委员会官方网站(www.cnca.gov.cn)上查询"
            ));
        }
    }
}

#[test]
fn audit_reports_give_evidence_and_a_conclusion_per_audit_item() {
    let (dir, index) = bundled();
    let reports: Vec<_> = index
        .records
        .iter()
        .filter(|e| e.form == "audit-report")
        .collect();
    assert_eq!(reports.len(), 14);
    for e in reports {
        let text = text_of(&dir.path().join(&e.file));
        assert!(text.contains("审核证据与发现"), "{}", e.file);
        assert!(text.contains("符合"), "{}", e.file);
    }
    let s2 = dir
        .path()
        .join("TB-PIC-2026-003/TB-PIC-2026-003-RP-S2_A-2.pdf");
    let text = text_of(&s2);
    assert!(
        text.contains("不符合（NC01）") && text.contains("不符合（NC02）"),
        "{text}"
    );
    assert!(
        text.contains(&squash("访谈最高管理者陈建国")),
        "the evidence itself is printed"
    );
}
