-- arrears schema, version 4: case lists at scale. A page of cases is read in
-- id order (the cursor) and, for a collector, by owner; users are found by
-- team and agency for the team lead's and the agency's scope.
CREATE INDEX cases_id ON cases (id);
CREATE INDEX cases_owner ON cases (owner, id);
CREATE INDEX users_team ON users (team);
CREATE INDEX users_agency ON users (agency);
