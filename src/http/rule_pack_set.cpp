#include "http/rule_pack_set.hpp"

namespace arrears::http {

RulePackSet::RulePackSet(std::vector<policy::RulePack> packs, std::vector<std::string> texts,
                         std::function<void(const std::string&, const std::string&)> persist)
    : current_(Build(std::move(packs), std::move(texts))), persist_(std::move(persist)) {}

std::shared_ptr<const PackSnapshot> RulePackSet::Build(std::vector<policy::RulePack> packs,
                                                       std::vector<std::string> texts) {
  auto snapshot = std::make_shared<PackSnapshot>();
  snapshot->packs = std::move(packs);
  snapshot->texts = std::move(texts);
  snapshot->texts.resize(snapshot->packs.size());
  for (const policy::RulePack& pack : snapshot->packs) snapshot->pointers.push_back(&pack);
  return snapshot;
}

std::shared_ptr<const PackSnapshot> RulePackSet::Current() const {
  std::lock_guard lock(mutex_);
  return current_;
}

Result<policy::RulePack> RulePackSet::Replace(const std::string& name, const std::string& yaml) {
  auto parsed = policy::ParseRulePack(yaml, name + ".yaml");
  if (!parsed) return Fail(parsed.error());
  if (parsed->name != name) return Fail("the pack says 'pack: " + parsed->name + "', not " + name, "pack");
  std::lock_guard lock(mutex_);
  std::vector<policy::RulePack> packs = current_->packs;
  std::vector<std::string> texts = current_->texts;
  std::size_t index = 0;
  while (index < packs.size() && packs[index].name != name) ++index;
  if (index == packs.size()) return Fail(Error{ErrorCode::kNotFound, "no active rule pack " + name, "pack"});
  if (parsed->version <= packs[index].version) {
    return Fail(Error{ErrorCode::kConflict,
                      "version " + std::to_string(parsed->version) + " is not above the active version " +
                          std::to_string(packs[index].version) + ": raise it with every change",
                      "version"});
  }
  persist_(name, yaml);
  packs[index] = *parsed;
  texts[index] = yaml;
  current_ = Build(std::move(packs), std::move(texts));
  return parsed;
}

}  // namespace arrears::http
