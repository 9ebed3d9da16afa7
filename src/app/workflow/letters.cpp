#include "app/workflow/letters.hpp"

#include <array>

#include "app/workflow/messages.hpp"
#include "policy/engine.hpp"

namespace arrears::app {

namespace {

constexpr std::array<std::string_view, 5> kNames = {"collection", "lawyer", "plan", "settlement", "dispute"};
constexpr std::array<std::string_view, 5> kReferencePrefix = {"CS", "LS", "HK", "JQ", "YY"};  // 催收 律师 还款 结清 异议

std::string ChineseDate(Date date) {
  const std::string iso = date.ToString();
  return iso.substr(0, 4) + "年" + std::to_string(std::stoi(iso.substr(5, 2))) + "月" +
         std::to_string(std::stoi(iso.substr(8, 2))) + "日";
}

std::string ProductName(const std::string& product) {
  return product == "card" ? "信用卡" : product == "loan" ? "个人贷款" : product;
}

LetterBlock Heading(std::string text) { return {LetterBlock::Kind::kHeading, std::move(text), {}}; }
LetterBlock Paragraph(std::string text) { return {LetterBlock::Kind::kParagraph, std::move(text), {}}; }

// The debt by account and component, with a total row.
LetterBlock DebtTable(const CaseRecord& record) {
  LetterTable table;
  table.header = {"账户", "产品", "逾期天数", "逾期本金", "利息", "罚息及复利", "违约金及费用", "合计（元）"};
  table.widths = {0.16, 0.12, 0.08, 0.13, 0.11, 0.13, 0.13, 0.14};
  table.right_aligned = {false, false, true, true, true, true, true, true};
  Balance total(record.currency);
  for (const CaseAccount& account : record.accounts) {
    const Balance& b = account.balance;
    const Money fees = b.Overdue(Component::kLateFee) + b.Overdue(Component::kInstallmentFee) + b.Overdue(Component::kOtherFee);
    table.rows.push_back({account.account_ref, ProductName(account.product_type), std::to_string(account.days_past_due),
                          FormatGroupedAmount(b.Overdue(Component::kPrincipal)), FormatGroupedAmount(b.Overdue(Component::kInterest)),
                          FormatGroupedAmount(b.Overdue(Component::kPenaltyInterest) + b.Overdue(Component::kCompoundInterest)),
                          FormatGroupedAmount(fees), FormatGroupedAmount(b.TotalOverdue())});
    for (Component c : kAllComponents) total.AddOverdue(c, b.Overdue(c));
  }
  const Money fees = total.Overdue(Component::kLateFee) + total.Overdue(Component::kInstallmentFee) +
                     total.Overdue(Component::kOtherFee);
  table.rows.push_back({"合计", "", "", FormatGroupedAmount(total.Overdue(Component::kPrincipal)),
                        FormatGroupedAmount(total.Overdue(Component::kInterest)),
                        FormatGroupedAmount(total.Overdue(Component::kPenaltyInterest) + total.Overdue(Component::kCompoundInterest)),
                        FormatGroupedAmount(fees), FormatGroupedAmount(total.TotalOverdue())});
  return {LetterBlock::Kind::kTable, "", std::move(table)};
}

const std::string kLegalBasis =
    "依据《中华人民共和国民法典》第五百零九条、第五百七十七条、第六百七十四条、第六百七十六条的规定及双方合同的约定，"
    "借款人应当按照约定的期限返还借款并支付利息；未按约定期限还款的，应当按照约定或者国家有关规定支付逾期利息，"
    "并承担相应的违约责任。";

// Collectors and the people above them, legal, and the system running a strategy step.
bool IssuesLetters(const Actor& actor) {
  return WorksCases(actor.role) || HandlesLegal(actor.role) || actor.login == "system";
}

}  // namespace

std::optional<LetterKind> ParseLetterKind(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<LetterKind>(i);
  }
  return std::nullopt;
}

std::string_view LetterKindName(LetterKind kind) { return kNames[static_cast<std::size_t>(kind)]; }

Result<LetterDocument> ComposeLetter(WorkflowContext& context, CaseId id, LetterKind kind) {
  auto loaded = LoadCase(context, id);
  if (!loaded) return Fail(loaded.error());
  const CaseRecord& record = *loaded;
  const auto v = MessageValues(context, record, "zh");
  const policy::Institution& institution = context.policy.institution;
  const std::string today = ChineseDate(context.today);
  const std::string name = record.customer_name + v.at("debtor_title");
  LetterDocument letter;
  letter.kind = std::string(LetterKindName(kind));
  letter.sender = institution.name.zh;
  letter.date = today;
  letter.reference = "编号：" + std::string(kReferencePrefix[static_cast<std::size_t>(kind)]) + "-" +
                     context.today.ToString().substr(0, 4) + context.today.ToString().substr(5, 2) +
                     context.today.ToString().substr(8, 2) + "-" + std::to_string(id.value);
  letter.addressee = "致：" + name + "（证件号码：" + record.id_number_masked + "）";
  letter.page_label = "第 {page} 页 / 共 {pages} 页";
  letter.created_at = context.now_text;
  const std::string owed = v.at("total_owed");
  const std::string contact = "联系人：" + v.at("agent_name") + "　联系电话：" + institution.callback_number;
  switch (kind) {
    case LetterKind::kCollection: {
      letter.title = "催 款 函";
      letter.blocks.push_back(Paragraph(
          "您在我行办理的" + ProductName(record.ProductType()) + "账户（尾号" + v.at("account_masked") + "）未按合同约定按期足额还款，截至" +
          today + "已逾期" + v.at("days_past_due") + "天（最早未还到期日" + v.at("due_date") + "），逾期欠款合计人民币" + owed +
          "元，明细如下："));
      letter.blocks.push_back(DebtTable(record));
      letter.blocks.push_back(Heading("一、催收事由及依据"));
      letter.blocks.push_back(Paragraph("您未按约定归还到期款项，已构成逾期。" + kLegalBasis));
      letter.blocks.push_back(Heading("二、您的权利和义务"));
      letter.blocks.push_back(Paragraph(
          "您有义务按照合同约定归还上述欠款。您有权了解欠款的构成和计算方式，有权对欠款金额提出异议，因失业、疾病等原因确有还款"
          "困难的，有权申请协商个性化还款安排。我行将依法保护您的个人信息，不会向与债务无关的第三人透露您的欠款情况。"));
      letter.blocks.push_back(Heading("三、查询和还款方式"));
      letter.blocks.push_back(Paragraph("您可致电" + institution.callback_number + "查询账户明细及欠款计算方式。还款方式：" +
                                        institution.repayment_channels.zh + "。请于收到本函之日起七日内归还上述欠款。"));
      letter.blocks.push_back(Heading("四、异议及证据提交"));
      letter.blocks.push_back(Paragraph(
          "如您对欠款金额或计算方式有异议，请于收到本函之日起十五日内致电" + institution.callback_number + "或书面寄至" +
          institution.address.zh + "，并附相关证据材料。我行将在收到异议后核实，并在二十日内书面答复；核实期间暂停对有异议部分的催收。"));
      letter.blocks.push_back(Heading("五、逾期的影响"));
      letter.blocks.push_back(Paragraph("逾期期间将按合同约定继续计收利息和罚息；逾期信息将依法报送金融信用信息基础数据库。"
                                        "如已还款，请忽略本函。"));
      letter.blocks.push_back(Paragraph(contact));
      break;
    }
    case LetterKind::kLawyer: {
      if (!HandlesLegal(context.actor.role) && context.actor.role != Role::kSupervisor && context.actor.login != "system") {
        return Fail(Error{ErrorCode::kPermissionDenied,
                          "a lawyer's letter is prepared by legal or a supervisor, not " +
                              std::string(RoleName(context.actor.role)),
                          "as"});
      }
      letter.title = "律 师 函";
      letter.blocks.push_back(Paragraph("受" + institution.name.zh + "（以下简称“委托人”）委托，就您拖欠委托人款项一事，函告如下："));
      letter.blocks.push_back(Paragraph("经核查，截至" + today + "，您在委托人处尾号" + v.at("account_masked") + "的账户已逾期" +
                                        v.at("days_past_due") + "天，欠款合计人民币" + owed + "元，明细如下："));
      letter.blocks.push_back(DebtTable(record));
      letter.blocks.push_back(Heading("一、法律依据"));
      letter.blocks.push_back(Paragraph(kLegalBasis));
      letter.blocks.push_back(Heading("二、要求"));
      letter.blocks.push_back(Paragraph(
          "请您于收到本函之日起十日内通过" + institution.repayment_channels.zh + "归还上述欠款，或致电" + institution.callback_number +
          "与委托人协商还款安排。逾期未还款亦未协商的，委托人将依法向有管辖权的人民法院提起诉讼，由此产生的诉讼费用将依法由您承担。"));
      letter.blocks.push_back(Heading("三、异议"));
      letter.blocks.push_back(Paragraph("如您对欠款有异议，请于收到本函之日起十日内书面寄至" + institution.address.zh +
                                        "，并附相关证据材料。"));
      letter.closing = {"律师（签字）：______________", "律师事务所（盖章）：______________"};
      break;
    }
    case LetterKind::kPlan: {
      const ArrangementRecord* plan = record.ActiveArrangement();
      if (!plan || plan->installments.empty()) {
        return Fail(Error{ErrorCode::kConflict, "case " + std::to_string(id.value) + " has no plan in force", "type"});
      }
      letter.title = "还款计划确认书";
      letter.blocks.push_back(Paragraph(
          "经您申请，我行同意就您尾号" + v.at("account_masked") + "的账户欠款与您达成如下还款安排：应还总额人民币" +
          FormatGroupedAmount(plan->owed) + "元，减免人民币" + FormatGroupedAmount(plan->waived) + "元，实际应还人民币" + FormatGroupedAmount(plan->to_pay) +
          "元，分" + std::to_string(plan->installments.size()) + "期归还，每期还款日及金额如下："));
      LetterTable schedule;
      schedule.header = {"期数", "还款日", "应还金额（元）", "状态"};
      schedule.widths = {0.15, 0.30, 0.30, 0.25};
      schedule.right_aligned = {true, false, true, false};
      for (const InstallmentRecord& i : plan->installments) {
        const std::string status = i.status == PromiseStatus::kKept ? "已还" : i.status == PromiseStatus::kBroken ? "逾期" : "待还";
        schedule.rows.push_back({std::to_string(i.number), ChineseDate(i.due), FormatGroupedAmount(i.amount), status});
      }
      schedule.rows.push_back({"合计", "", FormatGroupedAmount(plan->to_pay), ""});
      letter.blocks.push_back({LetterBlock::Kind::kTable, "", std::move(schedule)});
      letter.blocks.push_back(Paragraph("请您按期足额还款。累计" + std::to_string(context.policy.broken_installments_to_fail) +
                                        "期未按约还款的，本还款安排自动终止，剩余欠款恢复按原合同约定计收。履约期间我行不对您进行催收。"));
      letter.blocks.push_back(Paragraph(contact));
      break;
    }
    case LetterKind::kSettlement: {
      const bool settled = !record.closed_at.empty() &&
                           (record.close_reason == "paid_in_full" || record.close_reason == "settled");
      if (!settled) {
        return Fail(Error{ErrorCode::kConflict,
                          "case " + std::to_string(id.value) + " is not closed as paid in full or settled", "type"});
      }
      letter.title = "结 清 证 明";
      std::string accounts;
      for (const CaseAccount& a : record.accounts) accounts += (accounts.empty() ? "" : "、") + a.account_ref;
      letter.blocks.push_back(Paragraph(
          "兹证明" + name + "（证件号码：" + record.id_number_masked + "）在我行的" + accounts + "账户项下逾期欠款已于" +
          ChineseDate(*Date::Parse(record.closed_at.substr(0, 10))) + "全部" +
          (record.close_reason == "settled" ? "按和解协议结清" : "结清") + "，我行与其之间就上述逾期欠款已无债权债务关系。"));
      letter.blocks.push_back(Paragraph("特此证明。"));
      break;
    }
    case LetterKind::kDispute: {
      const DisputeRecord* resolved = nullptr;
      for (const DisputeRecord& d : record.disputes) {
        if (d.status == "upheld" || d.status == "rejected") resolved = &d;
      }
      if (!resolved) {
        return Fail(Error{ErrorCode::kConflict, "case " + std::to_string(id.value) + " has no resolved dispute", "type"});
      }
      letter.title = "异议处理结果告知书";
      letter.blocks.push_back(Paragraph("您于" + ChineseDate(*Date::Parse(resolved->opened_at.substr(0, 10))) + "就账户" +
                                        resolved->account_ref + "提出的异议（" + resolved->description +
                                        "），我行已核实处理完毕，结果如下："));
      letter.blocks.push_back(Paragraph(resolved->status == "upheld"
                                            ? "经核实，您的异议成立，我行已据此更正相关欠款。"
                                            : "经核实，您的异议不成立，相关欠款金额无误。"));
      if (!resolved->resolution_reason.empty()) letter.blocks.push_back(Paragraph("处理说明：" + resolved->resolution_reason));
      letter.blocks.push_back(Paragraph("如您对处理结果仍有异议，可致电" + institution.callback_number + "或书面寄至" +
                                        institution.address.zh + "，也可依法向金融消费纠纷调解组织申请调解。"));
      letter.blocks.push_back(Paragraph(contact));
      break;
    }
  }
  if (letter.closing.empty()) letter.closing = {institution.name.zh, today, "（" + institution.seal_text.zh + " 盖章）"};
  // Everything a letter says is screened like every other text sent to a debtor.
  std::string all = letter.title;
  for (const LetterBlock& block : letter.blocks) all += "\n" + block.text;
  const auto hits = policy::ScreenText(context.packs, all);
  if (!hits.empty()) {
    return Fail(Error{ErrorCode::kPolicyRefused,
                      "the letter contains \"" + hits.front().phrase + "\" (" + hits.front().category + ", rule " +
                          hits.front().rule + ")",
                      "type"});
  }
  return letter;
}

Result<DocumentInfo> KeepLetter(WorkflowContext& context, CaseId id, const LetterDocument& letter, std::string pdf) {
  if (auto permitted = Permit(context, IssuesLetters(context.actor), "issue letters");
      !permitted) {
    return Fail(permitted.error());
  }
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  Document document;
  document.info.kind = "letter";
  document.info.file_name = letter.kind + "-" + std::to_string(id.value) + "-" + context.today.ToString() + ".pdf";
  document.info.media_type = "application/pdf";
  document.info.size_bytes = static_cast<std::int64_t>(pdf.size());
  document.content = std::move(pdf);
  document.info.id = context.store.AddDocument(*record, document);
  // The stored record, with the checksum the store computed.
  for (const DocumentInfo& info : context.store.Documents(*record)) {
    if (info.id == document.info.id) document.info = info;
  }
  context.store.AppendEvent(*record, {"letter.issue",
                                      letter.title + " issued (" + document.info.file_name + ", " +
                                          std::to_string(document.info.size_bytes) + " bytes, SHA-256 " +
                                          document.info.sha256 + ")",
                                      "document", document.info.id, std::nullopt, "kind=" + letter.kind});
  return document.info;
}

Result<LetterIssued> IssueLetter(WorkflowContext& context, LetterRenderer& renderer, CaseId id, LetterKind kind) {
  if (auto permitted = Permit(context, IssuesLetters(context.actor), "issue letters");
      !permitted) {
    return Fail(permitted.error());
  }
  auto letter = ComposeLetter(context, id, kind);
  if (!letter) return Fail(letter.error());
  LetterIssued issued;
  issued.pdf = renderer.Render(*letter);
  auto kept = KeepLetter(context, id, *letter, issued.pdf);
  if (!kept) return Fail(kept.error());
  issued.document = *kept;
  return issued;
}

}  // namespace arrears::app
