//! Rule-catalogue part B read back from the PDFs: for the current revision of every record
//! of every bundled case, each mandatory item of its form is printed with the case's own
//! value (or "/", "无" where the case has none). Item numbers are the catalogue's (B.1-1 …)
//! and match the checklist in the README. Dates a record leaves to be filled in after it is
//! issued (the client's confirmation, the delivery) may show "（待填）" on a revision dated
//! before them: a record is a snapshot at its date.

use std::collections::BTreeMap;

use certdoc::load::case::{AuditKind, Case, Grade, Outcome};
use certdoc::load::numbering::{self, Subject};
use certdoc::load::{Date, Rules};
use certdoc::output::{Entry, Status};
use certdoc::records::words;

use super::{bundled, pages_of, squash, text_of};
use crate::common::repo;

/// What one record must show: (catalogue item, text that must appear).
struct Want {
    file: String,
    pages: usize,
    text: String,
    missing: Vec<String>,
}

impl Want {
    fn has(&mut self, item: &str, what: &str) {
        if !self.text.contains(&squash(what)) {
            self.missing.push(format!("{item}: `{what}`"));
        }
    }

    /// A date the record may show as pending when it came after the revision.
    fn date_or_pending(&mut self, item: &str, d: Date) {
        let shown = squash(&words::date(d));
        if !self.text.contains(&shown) && !self.text.contains("（待填）") {
            self.missing.push(format!("{item}: `{shown}` or （待填）"));
        }
    }

    /// A Markdown field: its first words as text (the list marks and emphasis are layout),
    /// or what the form prints when the case has none.
    fn opt(&mut self, item: &str, value: Option<&str>, absent: &str) {
        match value {
            Some(v) => {
                let line = v.lines().next().unwrap_or_default();
                let plain = line.trim_start_matches(['-', '*', ' ']).replace("**", "");
                let head: String = plain.chars().take(12).collect();
                self.has(item, &head)
            }
            None => self.has(item, absent),
        }
    }
}

fn cases() -> (Rules, BTreeMap<String, Case>) {
    let root = repo();
    let rules = certdoc::load::load_rules(&root).expect("the bundled rules load");
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(root.join("cases"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| certdoc::load::is_yaml(e.path()))
    {
        let (file, diags) = certdoc::load::load_case(&root, e.path(), None).expect("reads");
        assert!(diags.is_empty(), "{diags:?}");
        let case = file.case.expect("parses");
        out.insert(case.case.value.clone(), case);
    }
    (rules, out)
}

#[test]
fn every_record_shows_every_mandatory_item_of_part_b_with_the_cases_values() {
    let (dir, index) = bundled();
    let (rules, cases) = cases();
    let mut failures = Vec::new();
    let mut checked: BTreeMap<String, usize> = BTreeMap::new();
    for e in index.records.iter().filter(|e| e.status == Status::Current) {
        let case = &cases[&e.case];
        let path = dir.path().join(&e.file);
        let mut w = Want {
            file: e.file.clone(),
            pages: pages_of(&path),
            text: text_of(&path),
            missing: Vec::new(),
        };
        header(&mut w, e, pages_of(&path));
        let body = &rules.bodies[case.body.as_str()];
        let scheme = &rules.schemes[case.scheme.as_str()];
        let doc = numbering::documents(case, body)
            .into_iter()
            .find(|d| d.number == e.number)
            .expect("the record's document");
        w.has("client", &case.client.name);
        match numbering::subject(case, &doc).expect("its subject") {
            Subject::Audit(a) => match e.form.as_str() {
                "audit-plan" => plan(&mut w, (&e.number, &e.revision), case, scheme, a),
                "audit-time" => audit_time(&mut w, case, scheme, a),
                _ => report(&mut w, case, body, scheme, a),
            },
            Subject::Nonconformity(a, nc) => nc_report(&mut w, case, scheme, a, nc),
            Subject::Decision(d) => match e.form.as_str() {
                "decision" => decision(&mut w, case, scheme, d),
                _ => notice(&mut w, case, scheme, d),
            },
            Subject::Certificate(first) => {
                // The current revision shows the latest issue under the number (a re-issue).
                let c = case
                    .certificates
                    .iter()
                    .map(|c| &c.value)
                    .filter(|c| c.number.value == first.number.value)
                    .max_by_key(|c| c.issued.value)
                    .unwrap_or(first);
                certificate(&mut w, case, body, scheme, c)
            }
        }
        *checked.entry(e.form.clone()).or_default() += 1;
        if !w.missing.is_empty() {
            failures.push(format!("{}:\n  {}", w.file, w.missing.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Every form certdoc knows is rendered from the bundled cases.
    for form in certdoc::load::form::Form::ALL.iter().map(|f| f.key()) {
        assert!(
            checked.get(form).is_some_and(|n| *n > 0),
            "no {form} checked"
        );
    }
}

/// Part E: form code, record number, revision, and 第 X 页 共 Y 页 on every page.
fn header(w: &mut Want, e: &Entry, pages: usize) {
    w.has("E header", &e.number);
    w.has("E header", &e.revision);
    for p in 1..=pages {
        w.has("E page", &format!("第{p}页共{pages}页"));
    }
}

fn plan(
    w: &mut Want,
    rev: (&str, &str),
    case: &Case,
    scheme: &certdoc::load::Scheme,
    a: &certdoc::load::case::Audit,
) {
    let plan = a.plan.as_ref().expect("a plan");
    w.has("B.1-1", "审核目的");
    if let Some(o) = &plan.objectives {
        w.has("B.1-1", o);
    }
    w.has("B.1-2", &standard_cited(scheme, a.start.value));
    w.has("B.1-2", &scheme.rule_document.number);
    // The version in force on the audit's first day, never a later one (TB 2 注, HZL 13.1).
    if standard_number(scheme, a.start.value).is_none() {
        for v in &scheme.standard.versions {
            assert!(
                !w.text.contains(&squash(&v.number)),
                "{}: cites {}, not in force on {}",
                w.file,
                v.number.value,
                a.start.value
            );
        }
    }
    if let Some(later) = rule_label_not_in_force(scheme, a.start.value) {
        assert!(
            !w.text.contains(&squash(&format!(
                "{}《{}》（{later}）",
                scheme.rule_document.number.value, scheme.rule_document.title.value
            ))),
            "{}: cites {later}, not in force on {}",
            w.file,
            a.start.value
        );
    }
    w.has("B.1-3", a.scope(case));
    w.has("B.1-4", &words::date_range(a.start.value, a.end.value));
    for s in &a.sites {
        let site = case.site(s).expect("a site");
        w.has("B.1-4", &site.name);
        w.has("B.1-4", &site.address);
    }
    let tb = scheme.rule_document.number.starts_with("TB");
    if tb {
        assert!(
            !plan.agenda.is_empty(),
            "{}: B.1-5 a TB plan has a timetable",
            w.file
        );
    }
    for item in &plan.agenda {
        w.has("B.1-5", &item.activity);
        if let Some(t) = &item.time {
            w.has("B.1-5", t);
        }
    }
    w.has(
        "B.1-6",
        &format!("共{}人日", words::mandays(a.mandays.value)),
    );
    w.has("B.1-11", words::audit_kind(a.kind.value));
    w.has("B.1-14", "访谈");
    w.has("B.1-15", "正常运行");
    if a.kind.value == AuditKind::Recertification {
        w.has("B.1-16", "认证证书有效期至");
    }
    if let Some(shifts) = case
        .client
        .personnel
        .shifts
        .as_ref()
        .filter(|s| s.value > 1)
    {
        w.has("B.1-13", &format!("{}班制", shifts.value));
        if let Some(n) = &a.shifts_audited {
            w.has("B.1-13", &format!("覆盖{}个班次", n.value));
        }
    }
    w.has("B.1-17", &case.client.representative);
    // A changed plan shows the client's agreement to the change (B.1-18), else the
    // confirmation of the plan as first issued.
    let agreed = case
        .revisions
        .iter()
        .filter(|(n, _)| n.value == rev.0)
        .flat_map(|(_, l)| l)
        .find(|r| r.rev.value == rev.1)
        .and_then(|r| r.agreed.as_ref());
    match (agreed, &plan.confirmed) {
        (Some(d), _) => {
            w.has("B.1-18", &format!("（{}）的变更已通知受审核方", rev.1));
            w.date_or_pending("B.1-18", d.value);
        }
        (None, Some(d)) => w.date_or_pending("B.1-17", d.value),
        (None, None) => {}
    }
    if let Some(d) = &plan.reported {
        w.date_or_pending("B.1-20", d.value);
    } else if tb {
        w.has("B.1-20", "报送认证监管部门日期：/");
    } else {
        w.has("B.1-20", "报送认证监管部门日期：不适用");
    }
    w.has("B.1-19", "审核组长");
    w.has("B.1-19", "受审核方确认");
}

fn team(w: &mut Want, body: &certdoc::load::Body, a: &certdoc::load::case::Audit, item: &str) {
    for m in &a.team {
        let Some(s) = body.staff(&m.person) else {
            continue;
        };
        w.has(item, &s.name);
        if let Some(r) = &s.registration {
            w.has(item, r);
        }
    }
}

fn audit_time(
    w: &mut Want,
    case: &Case,
    scheme: &certdoc::load::Scheme,
    a: &certdoc::load::case::Audit,
) {
    w.has("B.6-1", words::audit_kind(a.kind.value));
    w.has("B.6-1", &standard_cited(scheme, a.start.value));
    w.has("B.6-1", "结合审核");
    let p = &case.client.personnel;
    w.has("B.6-2", &format!("全职人员{}人", p.full_time.value));
    w.has("B.6-3", "人数来源");
    match &case.application.personnel {
        Some(d) => w.has("B.6-3", &format!("申请书申报全职{}人", d.full_time.value)),
        None => w.has("B.6-3", "申请书申报/"),
    }
    w.has("B.6-4", "附录A");
    w.has(
        "B.6-5",
        &format!("风险等级“{}”", words::risk(case.client.risk.value)),
    );
    w.has("B.6-7", "减少审核时间");
    w.has("B.6-8", &format!("{}人日", words::mandays(a.mandays.value)));
    w.has(
        "B.6-9",
        &format!("现场审核{}人日", words::mandays(a.onsite_mandays.value)),
    );
    if matches!(a.kind.value, AuditKind::Stage1 | AuditKind::Stage2) {
        w.has("B.6-10", "初次认证第一阶段审核");
        w.has("B.6-10", "初次认证第二阶段审核");
    }
    if a.kind.value == AuditKind::Surveillance {
        w.has("B.6-11", "监督审核最低审核时间");
    }
    if a.kind.value == AuditKind::Recertification {
        w.has("B.6-12", "再认证审核最低审核时间");
    }
    w.has("B.6-13", "现场审核人日");
    for (site, m) in &a.site_mandays {
        let s = case.site(site).expect("a site");
        w.has("B.6-13", &s.name);
        w.has(
            "B.6-13",
            &format!("{}{}", s.personnel.value, words::mandays(m.value)),
        );
    }
    w.has("B.6-15", "一个审核人日为8小时");
    w.has("B.6-16", "编制");
    w.has("B.6-16", "审核方案管理人员审核");
}

fn report(
    w: &mut Want,
    case: &Case,
    body: &certdoc::load::Body,
    scheme: &certdoc::load::Scheme,
    a: &certdoc::load::case::Audit,
) {
    let r = a.report.as_ref().expect("a report");
    w.has("B.3-1", &body.name);
    w.has("B.3-2", &case.client.address);
    w.has("B.3-2", &case.client.representative);
    w.has("B.3-3", a.scope(case));
    w.has("B.3-3", &format!("{}人日", words::mandays(a.mandays.value)));
    w.has("B.3-4", words::audit_kind(a.kind.value));
    w.has("B.3-5", &standard_cited(scheme, a.start.value));
    w.has("B.3-6", "审核目的");
    let met = a.report.as_ref().and_then(|r| r.objectives_met.as_ref());
    match (met, &a.conclusion) {
        (Some(m), _) => w.has("B.3-6", words::objectives_met(m.value)),
        (None, Some(c)) => w.has("B.3-6", words::objectives_implied(c.value)),
        (None, None) => {}
    }
    // The meetings with their sign-in sheets and records, the top-management interview and
    // (stage 1) the document review (rules-next.md: sign-in and evidence on the report).
    for (_, m, day) in a.meetings() {
        w.has("B.3 meetings", &words::date(day));
        if let Some(x) = &m.signin {
            w.has("B.3 meetings", x);
        }
        for e in &m.evidence {
            w.has("B.3 meetings", e);
        }
    }
    if let Some(i) = &a.top_manager_interview {
        w.has("B.3 interview", &words::date(i.date.value));
        for e in &i.evidence {
            w.has("B.3 interview", e);
        }
    }
    if let Some(r) = &a.document_review {
        w.has(
            "B.3 document review",
            &format!("文件审核报告{}", words::date(r.date.value)),
        );
    }
    if let Some(c) = &a.conclusion {
        let purpose = a.purpose.as_ref().map(|p| p.value);
        w.has("B.3-20", &words::conclusion(a.kind.value, purpose, c.value));
    }
    w.has("B.3-7", "结合审核");
    team(w, body, a, "B.3-8");
    w.has("B.3-9", &words::date_range(a.start.value, a.end.value));
    for s in &a.sites {
        w.has("B.3-9", &case.site(s).expect("a site").address);
    }
    w.opt(
        "B.3-10",
        r.deviations.as_deref().map(String::as_str),
        "与审核计划的偏离及理由无",
    );
    w.opt(
        "B.3-11",
        r.programme_issues.as_deref().map(String::as_str),
        "影响审核方案的重要问题无",
    );
    w.opt(
        "B.3-14",
        r.regulator_checks.as_deref().map(String::as_str),
        "监管抽查不合格情况无",
    );
    for f in &r.findings {
        // The evidence's first words: Markdown may reflow the rest.
        let head: String = f.evidence.chars().take(12).collect();
        w.has("B.3-12", &head);
    }
    for nc in &a.nonconformities {
        w.has("B.3-13", &nc.id);
    }
    for (_, nc) in case.nonconformities().filter(|(_, n)| {
        n.verified_at
            .as_ref()
            .is_some_and(|v| v.value == a.id.value)
    }) {
        w.has("B.3-17", &nc.id);
    }
    w.opt(
        "B.3-18",
        r.open_issues.as_deref().map(String::as_str),
        "未解决的问题无",
    );
    w.has("B.3-19", "抽样");
    if tb(scheme) && a.conclusion.is_some() {
        w.opt(
            "B.3-20",
            r.scope_suitability.as_deref().map(String::as_str),
            "认证范围的适宜性/",
        );
    }
    if a.sites.len() > 1 {
        w.has("B.3-22", "不同地址的多个场所");
    }
    w.opt(
        "B.3-23",
        r.dissent.as_deref().map(String::as_str),
        "受审核方的不同意见无",
    );
    if let Some(n) = case
        .client
        .personnel
        .shifts
        .as_ref()
        .filter(|s| s.value > 1)
    {
        w.has("B.3-24", &format!("{}班制", n.value));
    }
    w.has("B.3-25", "审核组长");
    if let Some(d) = &r.delivered {
        w.date_or_pending("B.3-26", d.value);
    }
}

fn tb(scheme: &certdoc::load::Scheme) -> bool {
    scheme.rule_document.number.starts_with("TB")
}

fn nc_report(
    w: &mut Want,
    case: &Case,
    scheme: &certdoc::load::Scheme,
    a: &certdoc::load::case::Audit,
    nc: &certdoc::load::case::Nonconformity,
) {
    w.has("B.2-1", words::audit_kind(a.kind.value));
    w.has("B.2-1", &words::date_range(a.start.value, a.end.value));
    if let Some(d) = &nc.department {
        w.has("B.2-1", d);
    }
    let head: String = nc.description.chars().take(12).collect();
    w.has("B.2-2", &head);
    w.has(
        "B.2-3",
        &format!(
            "{}{}",
            standard_number(scheme, a.start.value).unwrap_or_default(),
            nc.clause.value
        ),
    );
    if nc.other_criteria.is_empty() {
        w.has("B.2-4", "违反的其他准则/");
    }
    for c in &nc.other_criteria {
        w.has("B.2-4", c);
    }
    let (on, off) = match nc.grade.value {
        Grade::Major => ("■严重不符合", "□一般不符合"),
        Grade::Minor => ("■一般不符合", "□严重不符合"),
    };
    w.has("B.2-5", on);
    w.has("B.2-5", off);
    w.opt(
        "B.2-6",
        nc.improvement.as_deref().map(String::as_str),
        "主要应改进方面/",
    );
    w.has("B.2-8", "审核员");
    w.has("B.2-9", "审核组长确认");
    w.has("B.2-10", &case.client.representative);
    if let Some(d) = &nc.due {
        w.has("B.2-11", &words::date(d.value));
    } else if nc.grade.value == Grade::Major {
        assert!(
            !w.text.contains("完成期限/"),
            "{}: B.2-11 a major NC's deadline is computed",
            w.file
        );
    }
    for t in [&nc.cause, &nc.correction, &nc.corrective_action]
        .into_iter()
        .flatten()
    {
        let head: String = t.chars().take(8).collect();
        w.has("B.2-12", &head);
    }
    if let Some(d) = &nc.responded {
        w.has("B.2-12", &words::date(d.value));
    }
    if let Some(v) = &nc.verification {
        w.has("B.2-13", words::method(v.method.value));
        w.has("B.2-13", &words::date(v.date.value));
        w.has(
            "B.2-13",
            if v.effective.value {
                "不符合项关闭"
            } else {
                "未关闭"
            },
        );
    }
    if nc.verified_at.is_some() {
        w.has("B.2-13", "验证人（该次审核组长）");
    }
    w.opt(
        "B.2-14",
        nc.disagreement.as_deref().map(String::as_str),
        "未解决的分歧意见无",
    );
}

fn decision(
    w: &mut Want,
    case: &Case,
    scheme: &certdoc::load::Scheme,
    d: &certdoc::load::case::Decision,
) {
    w.has("B.4-1", &standard_cited(scheme, d.date.value));
    let audited = d
        .audits
        .iter()
        .filter_map(|id| case.audit(id))
        .find_map(|a| a.scope.as_ref());
    w.has("B.4-1", audited.unwrap_or(&case.application.scope));
    for id in &d.audits {
        let a = case.audit(id).expect("an audit");
        w.has("B.4-1", &words::date_range(a.start.value, a.end.value));
        w.has("B.4-3", "■审核报告内容符合认证规则的要求");
        for nc in &a.nonconformities {
            w.has(
                if nc.grade.value == Grade::Major {
                    "B.4-4"
                } else {
                    "B.4-5"
                },
                &nc.id,
            );
        }
    }
    let positive = d.outcome.value.is_positive();
    let tick = if positive { "■" } else { "□" };
    if d.audits.is_empty() {
        w.has("B.4-6", "不适用（本决定不以审核为依据");
    } else {
        w.has("B.4-6", &format!("{tick}申请条件持续满足"));
        w.has(
            "B.4-7",
            &format!("{tick}管理体系符合认证标准要求并有效运行"),
        );
        w.has(
            "B.4-8",
            &format!("{tick}认证范围内的产品、服务及其过程符合相关法律法规要求"),
        );
        w.has("B.4-9", &format!("{tick}认证合同规定的义务已履行"));
    }
    w.has("B.4-10", words::outcome(d.outcome.value));
    if let Some(r) = &d.reason {
        let head: String = r.chars().take(10).collect();
        w.has("B.4-11", &head);
    }
    w.opt(
        "B.4-12",
        d.supplementary.as_deref().map(String::as_str),
        "补充信息与澄清无",
    );
    // The ground of a suspension or withdrawal, by its clause and in words.
    if let Some(g) = &d.ground {
        let clause = certdoc::check::rules::grounds::clause(scheme, d.outcome.value, g)
            .expect("a ground of the scheme");
        w.has("B.4 ground", &clause);
        w.has("B.4 ground", words::ground(g).expect("worded"));
    }
    if matches!(d.outcome.value, Outcome::Suspend | Outcome::Withdraw) {
        w.has("B.4 status", "报送认证监管部门");
    }
    match &d.deviation {
        Some(x) => w.has("B.4-13", &x.reason),
        None if !d.audits.is_empty() => w.has("B.4-13", "与审核组推荐意见的差异无"),
        None => w.has("B.4-13", "与审核组推荐意见的差异/"),
    }
    w.opt(
        "B.4-14",
        d.escalation.as_deref().map(String::as_str),
        "提交技术部门的重大问题无",
    );
    w.has("B.4-15", &words::date(d.date.value));
    w.has("B.4-15", "本人声明");
    match &d.approved {
        Some(x) => w.has("B.4-16", &words::date(x.value)),
        None => w.has("B.4-16", "本决定无须总经理批准"),
    }
    if d.kind.value == certdoc::load::case::DecisionKind::Recertification {
        w.opt(
            "B.4-18",
            d.cycle_review.as_deref().map(String::as_str),
            "认证周期内的表现与投诉/",
        );
    }
}

fn certificate(
    w: &mut Want,
    case: &Case,
    body: &certdoc::load::Body,
    scheme: &certdoc::load::Scheme,
    c: &certdoc::load::case::Certificate,
) {
    let client = &case.client;
    w.has("B.5-1", &client.name);
    w.has("B.5-2", &client.address);
    w.has("B.5-3", &client.credit_code);
    for s in &c.sites {
        let site = case.site(s).expect("a site");
        w.has("B.5-4", &site.name);
        w.has("B.5-4", &site.address);
        if c.sites.len() > 1 {
            w.has("B.5-5", "附件");
            w.has("B.5-5", site.scope.as_ref().unwrap_or(&c.scope));
        }
    }
    w.has("B.5-5", &c.scope);
    let audited = case
        .decision(&c.decision)
        .into_iter()
        .flat_map(|d| d.audits.iter())
        .filter_map(|id| case.audit(id))
        .map(|a| a.start.value)
        .max()
        .unwrap_or(c.issued.value);
    w.has("B.5-6", &standard_cited(scheme, audited));
    w.has("B.5-7", &c.number);
    w.has("B.5-8", &body.name);
    w.has("B.5-8", &body.address);
    w.has("B.5-9", &words::date(c.issued.value));
    w.has("B.5-9", &words::date(c.expires.value));
    w.has(
        "B.5-10",
        "获证组织必须定期接受监督审核并经审核合格此证书方继续有效",
    );
    for s in &scheme.certificate_statements {
        w.has("B.5-12", s);
    }
    for v in &body.verify_at {
        w.has("B.5-12", v);
    }
    if let Some(en) = &client.name_en {
        w.has("B.5-13", en);
    }
    let signatory = body
        .staff
        .iter()
        .find(|s| s.has_role(certdoc::load::body::StaffRole::AuthorisedSignatory));
    if let Some(s) = signatory {
        w.has(
            "seal and signatory",
            &format!("授权签字人：（{}）", s.name.value),
        );
    }
    w.has("seal and signatory", "认证机构印章");
    // The certificate is one page; the annex of sites is a second.
    let pages = if c.sites.len() > 1 { 2 } else { 1 };
    if w.pages != pages {
        w.missing.push(format!("{} pages, not {pages}", w.pages));
    }
}

fn notice(
    w: &mut Want,
    case: &Case,
    scheme: &certdoc::load::Scheme,
    d: &certdoc::load::case::Decision,
) {
    let cert = case
        .certificates
        .iter()
        .find(|c| c.issued.value <= d.date.value && c.expires.value >= d.date.value)
        .expect("the certificate concerned");
    w.has("B.7-1", &cert.number);
    if let Some(g) = &d.ground {
        let clause = certdoc::check::rules::grounds::clause(scheme, d.outcome.value, g)
            .expect("a ground of the scheme");
        w.has(
            "B.7 ground",
            &format!("根据{clause}（{}）", words::ground(g).expect("worded")),
        );
    }
    w.has("B.7-1", &standard_cited(scheme, d.date.value));
    w.has("B.7-1", &cert.scope);
    w.has("B.7-3", &words::date(d.date.value));
    match d.outcome.value {
        Outcome::Suspend => {
            if let Some(r) = &d.reason {
                let head: String = r.chars().take(10).collect();
                w.has("B.7-2", &head);
            }
            if let Some(u) = &d.until {
                w.has("B.7-4", &format!("暂停期限至：{}", words::date(u.value)));
            }
            w.has(
                "B.7-5",
                "不得以任何方式使用认证证书、认证标志或引用认证资格",
            );
            w.has("B.7-6", "撤销认证证书");
        }
        Outcome::Restore => {
            for id in &d.audits {
                let a = case.audit(id).expect("an audit");
                w.has("B.7-R", &words::date_range(a.start.value, a.end.value));
            }
            w.has("B.7-R", "恢复范围");
        }
        _ => w.has("B.7-1", "撤销范围"),
    }
    w.has("B.7-7", &case.client.name);
    w.has("B.7-7", "（盖章）");
    w.has("B.7-8", "抄送");
}

/// The standard's number in force on `day`, when the scheme file knows it.
fn standard_number(scheme: &certdoc::load::Scheme, day: certdoc::load::Date) -> Option<String> {
    use certdoc::load::versions::{StandardOn, standard_on};
    match standard_on(scheme, day) {
        StandardOn::Unversioned => Some(scheme.standard.number.value.clone()),
        StandardOn::Entry(v) => Some(v.number.value.clone()),
        StandardOn::Before => None,
    }
}

/// How a record of `day` cites the standard: its number in force then, or its title and the
/// date when the scheme file does not know that number.
fn standard_cited(scheme: &certdoc::load::Scheme, day: certdoc::load::Date) -> String {
    match standard_number(scheme, day) {
        Some(n) => format!("{n}《{}》", scheme.standard.title.value),
        None => format!(
            "《{}》（{}有效版本）",
            scheme.standard.title.value,
            words::date(day)
        ),
    }
}

/// A label of the rule document that was not in force on `day` (the newest, when it took
/// effect later).
fn rule_label_not_in_force(
    scheme: &certdoc::load::Scheme,
    day: certdoc::load::Date,
) -> Option<String> {
    let newest = scheme.rule_document.versions.last()?;
    let effective = newest.effective.as_ref()?;
    (day < effective.value).then(|| newest.version.as_ref().map(|v| v.value.clone()))?
}
