# ASan + UBSan for the `asan` preset and CI; applied to every target so that the
# libraries under test are instrumented too.
#
# The executables are not position independent: the tests start the
# instrumented `arrears` thousands of times, and a PIE this size spends a third
# of each start (0.5 s) applying two million relocations.
if(ARREARS_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined -fno-pie)
  add_link_options(-fsanitize=address,undefined -no-pie)
endif()
