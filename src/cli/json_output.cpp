#include "cli/json_output.hpp"

#include <boost/json/serialize.hpp>
#include <ostream>

namespace arrears::cli {

void PrintJson(std::ostream& out, const boost::json::value& value) { out << boost::json::serialize(value) << '\n'; }

}  // namespace arrears::cli
