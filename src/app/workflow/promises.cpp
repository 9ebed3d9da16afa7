#include "app/workflow/commitments.hpp"

namespace arrears::app {

Result<std::int64_t> RecordPromise(WorkflowContext& context, CaseId id, Money amount, Date due,
                                   const std::string& channel) {
  if (auto permitted = Permit(context, WorksCases(context.actor.role), "record promises"); !permitted) {
    return Fail(permitted.error());
  }
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  if (auto open = RequireOpen(*record); !open) return Fail(open.error());
  if (amount.currency() != record->currency) {
    return Fail("the case is in " + std::string(CurrencyCode(record->currency)), "amount");
  }
  const PromiseTerms terms{amount, context.today, due};
  if (auto allowed = CheckNewPromise(terms, record->Overdue().TotalOverdue(), record->OpenPromises(),
                                     context.policy.promise);
      !allowed) {
    return Fail(allowed.error());
  }
  PromiseRecord promise{0, terms, channel.empty() ? "transfer" : channel, PromiseStatus::kOpen,
                        Money(0, amount.currency()), context.actor.login};
  Date remind_on = due.AddDays(-context.policy.reminder_days_before);
  if (remind_on < context.today) remind_on = context.today;
  promise.id = context.store.AddPromise(*record, promise, remind_on);
  context.store.AppendEvent(*record, {"promise.new",
                                      "promise to pay " + FormatAmount(amount) + " by " + due.ToString() + " (" +
                                          promise.channel + "); reminder on " + remind_on.ToString(),
                                      "promise", promise.id, std::nullopt,
                                      "amount=" + FormatAmount(amount) + "; date=" + due.ToString()});
  if (record->stage == CaseStage::kNew || record->stage == CaseStage::kReminding ||
      record->stage == CaseStage::kNegotiating) {
    if (auto moved = MoveStage(context, *record, CaseStage::kFollowUp, "promise " + std::to_string(promise.id));
        !moved) {
      return Fail(moved.error());
    }
  }
  return promise.id;
}

}  // namespace arrears::app
