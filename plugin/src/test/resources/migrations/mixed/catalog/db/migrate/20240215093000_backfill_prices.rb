class BackfillPrices < ActiveRecord::Migration[7.1]
  def up
    execute <<~SQL
      UPDATE products SET price = 0 WHERE price IS NULL
    SQL
  end
end
