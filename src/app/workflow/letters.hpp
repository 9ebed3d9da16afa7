// Formal letters from a case: what each kind must contain, composed from the
// case's records and the institution's details, typeset by the renderer and
// kept as a document of the case with its checksum.
//   collection  催款函: the debt by account and component, the reason and its legal basis, the debtor's rights
//               and obligations, how to check the account and repay, how to object and submit evidence, whom to
//               call, the seal (the contents the card rules require);
//   lawyer      律师函: the same debt and basis, a deadline, for legal to sign;
//   plan        还款计划确认书: the plan in force and its schedule, however many pages it takes;
//   settlement  结清证明: that the debt is settled (a case closed paid in full or settled);
//   dispute     异议处理结果告知书: the latest resolved dispute and its outcome.
#pragma once

#include <optional>
#include <string_view>

#include "app/ports/letter_renderer.hpp"
#include "app/workflow/letter_document.hpp"
#include "app/workflow/workflow_context.hpp"

namespace arrears::app {

enum class LetterKind { kCollection, kLawyer, kPlan, kSettlement, kDispute };
std::optional<LetterKind> ParseLetterKind(std::string_view name);
std::string_view LetterKindName(LetterKind kind);  // collection, lawyer, plan, settlement, dispute

// The letter's content; kConflict when the case has nothing for it (no plan in force, not settled, no resolved
// dispute).
Result<LetterDocument> ComposeLetter(WorkflowContext& context, CaseId id, LetterKind kind);

struct LetterIssued {
  DocumentInfo document;  // stored on the case, with its SHA-256
  std::string pdf;
};

// Composes, typesets and keeps the letter on the case (and its timeline).
Result<LetterIssued> IssueLetter(WorkflowContext& context, LetterRenderer& renderer, CaseId id, LetterKind kind);
// The last step alone, for batches that typeset many letters in parallel between composing and keeping them.
Result<DocumentInfo> KeepLetter(WorkflowContext& context, CaseId id, const LetterDocument& letter, std::string pdf);

}  // namespace arrears::app
