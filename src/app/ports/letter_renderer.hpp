// Port: typesets a letter (the channels layer does it as an A4 PDF).
#pragma once

#include <string>

#include "app/workflow/letter_document.hpp"

namespace arrears::app {

class LetterRenderer {
 public:
  virtual ~LetterRenderer() = default;
  // The PDF's bytes.
  virtual std::string Render(const LetterDocument& letter) = 0;
};

}  // namespace arrears::app
