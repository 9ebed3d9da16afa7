// One JSON object per command for scripts (--json), serialised by Boost.JSON.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <iosfwd>

namespace arrears::cli {

void PrintJson(std::ostream& out, const boost::json::value& value);

}  // namespace arrears::cli
