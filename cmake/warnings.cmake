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
# g++ 12 at -O2 reports false -Wrestrict overlaps inside std::string's
# operator+ (GCC bug 105329, fixed in 13); the check is kept on newer compilers.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(arrears_warnings INTERFACE -Wno-restrict)
endif()
