//! The case file `certdoc new` writes: every required field, each value a `FILL-IN` saying
//! what belongs there, the usual optional fields commented out, and an editor modeline.

use std::fmt::Write as _;

use super::body::{Body, StaffRole};
use super::placeholder::MARK;
use super::scheme::Scheme;

/// The skeleton of case `case`; `schema` is the path from the file's folder to
/// `schema/case.schema.json`.
pub fn text(case: &str, scheme_id: &str, scheme: &Scheme, body: &Body, schema: &str) -> String {
    let staff = |role: StaffRole| -> String {
        let ids: Vec<&str> = body
            .staff
            .iter()
            .filter(|s| s.roles.iter().any(|r| r.value == role))
            .map(|s| s.id.as_str())
            .collect();
        if ids.is_empty() {
            "a staff id of the body file".into()
        } else {
            ids.join(" | ")
        }
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "# yaml-language-server: $schema={schema}
# A new certification case, written by `certdoc new`. Replace every {MARK} value: each says
# what belongs there, and `certdoc check` points at those left. README.md (\"Writing a case\")
# walks through it; docs/example-case.yaml is a whole case with every field explained.
# Dates are YYYY-MM-DD. Ids (sites, audits, decisions) are short and unique in the case.
case: {case}
scheme: {scheme_id}                    # {scheme_name}
body: {body_id}                        # {body_name}

client:
  name: {MARK} 组织名称（营业执照上的全称）
  # name_en: Example Technology Co., Ltd.   # for the certificate's English text
  credit_code: {MARK} 统一社会信用代码（18 位，含校验位）
  address: {MARK} 注册地址
  top_manager: {MARK} 最高管理者姓名
  representative: {MARK} 管理者代表姓名（确认不符合项）
  management_system_since: {MARK} 管理体系开始运行的日期 YYYY-MM-DD
  personnel:
    full_time: {MARK} 全职人数（整数）
    # part_time_equivalent: 0          # part-time, seasonal and contractor staff as full-time equivalents
    # shifts: 1                        # shifts worked
  risk: {MARK} 风险等级 low | medium | high
  # licences:                          # administrative licences the scope needs
  #   - {{ name: 增值电信业务经营许可证, number: B1-20230000, valid_until: 2028-06-30 }}
  sites:                               # every site the certification covers
    - id: hq
      name: {MARK} 场所名称（如：总部）
      address: {MARK} 场所地址
      activities: {MARK} 该场所的活动
      personnel: {MARK} 该场所人数（整数）
      central: true                    # the central function, audited at every surveillance
      # scope: …                       # this site's scope, when the certificate lists one per site

application:
  received: {MARK} 收到申请的日期 YYYY-MM-DD
  scope: {MARK} 申请认证的范围
  reviewed: {MARK} 申请评审日期 YYYY-MM-DD
  reviewed_by: {MARK} 申请评审人（{reviewers}）
  accepted: true                       # false for a refused application (then `notified:` the date it was sent)
  documents: [application-form, legal-status, site-list, ms-documents]   # add `licences` when the scope needs one
  # specialty_codes: [\"33.02.02\"]      # business-scope codes; the audit team must cover each

# contract:                            # the certification contract, before the first audit
#   number: …
#   signed: YYYY-MM-DD
#   signed_by: {signatories}
#   payer: {{ kind: client }}

# audits:, decisions:, certificates:, revisions: are added as the case goes on; see
# docs/example-case.yaml, and `certdoc revise` for new revisions of issued records.
",
        scheme_name = scheme.name.value,
        body_id = body.id.value,
        body_name = body.name.value,
        reviewers = staff(StaffRole::ApplicationReviewer),
        signatories = staff(StaffRole::AuthorisedSignatory),
    );
    out
}
