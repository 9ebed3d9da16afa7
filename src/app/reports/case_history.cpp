#include "app/reports/case_history.hpp"

#include <algorithm>

namespace arrears::app {

const FactSpan* CaseHistory::At(Date day) const {
  for (const FactSpan& span : spans) {
    if (span.from <= day && (!span.until || *span.until > day)) return &span;
  }
  return nullptr;
}

std::int64_t CaseHistory::Collected(Date from, Date until) const {
  std::int64_t total = 0;
  for (const PeriodPayment& payment : payments) {
    if (payment.value_date >= from && payment.value_date < until) total += payment.amount;
  }
  return total;
}

void ForEachCase(ReportStore& store, const ReportFilter& filter, Date from, Date to,
                 const std::function<void(const CaseHistory&)>& each) {
  const std::vector<PeriodPayment> payments = store.Payments(filter.currency, from, to);
  const bool with_accounts = !filter.product.empty() || !filter.region.empty() || filter.by == "product" ||
                             filter.by == "region";
  std::size_t next = 0;  // the first payment not yet handed out
  CaseHistory history;
  const auto key = [](std::int64_t customer, std::int64_t id) { return std::pair(customer, id); };
  const auto flush = [&] {
    if (history.spans.empty()) return;
    const auto k = key(history.spans.front().customer_id, history.spans.front().case_id);
    // Payments of cases with no span in the period are passed over.
    while (next < payments.size() && key(payments[next].customer_id, payments[next].case_id) < k) ++next;
    std::size_t end = next;
    while (end < payments.size() && key(payments[end].customer_id, payments[end].case_id) == k) ++end;
    history.payments = std::span<const PeriodPayment>(payments.data() + next, end - next);
    each(history);
    next = end;
    history.spans.clear();
  };
  store.Spans(filter.currency, from, to, with_accounts, [&](FactSpan&& span) {
    if (!history.spans.empty() && (history.spans.front().customer_id != span.customer_id ||
                                   history.spans.front().case_id != span.case_id)) {
      flush();
    }
    history.spans.push_back(std::move(span));
  });
  flush();
}

std::vector<MonthEnd> MonthEnds(const ReportFilter& filter) {
  std::vector<MonthEnd> months;
  Date start = *Date::FromYmd(filter.from.year(), filter.from.month(), 1);
  for (; start <= filter.to; start = start.AddMonths(1)) {
    const Date last = start.AddMonths(1).AddDays(-1);
    months.push_back({MonthOf(start), start.AddDays(-1), last < filter.to ? last : filter.to});
  }
  return months;
}

bool Matches(const ReportFilter& f, const FactSpan& s) {
  const auto fits = [](const std::string& wanted, const std::string& value) {
    return wanted.empty() || wanted == value;
  };
  return fits(f.product, s.product) && fits(f.bucket, s.bucket) && fits(f.region, s.region) &&
         fits(f.team, s.team) && fits(f.collector, s.owner) && fits(f.agency, s.agency) &&
         fits(f.segment, s.segment) && fits(f.arm, s.arm);
}

std::string DimensionOf(const FactSpan& s, const std::string& dimension) {
  if (dimension == "bucket") return s.bucket;
  if (dimension == "product") return s.product;
  if (dimension == "region") return s.region;
  if (dimension == "team") return s.team;
  if (dimension == "collector") return s.owner;
  if (dimension == "agency") return s.agency;
  if (dimension == "segment") return s.segment;
  if (dimension == "strategy") return s.segment.empty() ? std::string() : s.segment + "/" + s.arm;
  return {};
}

}  // namespace arrears::app
