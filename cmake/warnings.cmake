# One INTERFACE target carries the project's warnings (STYLE.md rule 19); every
# target of ours links it, nothing of ours exports it.
add_library(arrears_warnings INTERFACE)
target_compile_options(arrears_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual
  -Werror=switch -Werror=return-type)
if(ARREARS_WERROR)
  target_compile_options(arrears_warnings INTERFACE -Werror)
endif()
