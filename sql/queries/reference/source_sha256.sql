SELECT sha256 FROM reference_source WHERE name = $name
