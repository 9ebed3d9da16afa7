# ASan + UBSan for the `asan` preset and CI; applied to every target so that the
# libraries under test are instrumented too.
if(ARREARS_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
