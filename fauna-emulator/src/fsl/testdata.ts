// The storefront schema of Fauna's end-user authentication tutorial, used by the tests.
export const COLLECTIONS_FSL = `// Stores that sell products.
collection Store {
  name: String
  address: {
    street: String?,
    city: String?,
    state: String?,
    postalCode: String?,
    country: String?
  }

  index byName {
    terms [.name]
  }
}

collection Product {
  name: String
  description: String
  // Price in dollars; always a Double.
  price: Double = 0.0
  quantity: Int = 0
  store: Ref<Store>
  backorderLimit: Int = 5
  backordered: Boolean = false

  index byName {
    terms [.name]
    values [.name, .price]
  }

  index byStore {
    terms [.store]
    values [.price, .name]
  }

  index sortedByPrice {
    values [desc(.price), .name, .description]
  }

  check nonNegativeQuantity ((product) => product.quantity >= 0)
}

collection Customer {
  name: String?
  email: String
  address: {
    street: String,
    city: String,
    state: String,
    postalCode: String,
    country: String
  }?

  unique [.email]

  index byEmail {
    terms [.email]
  }
}
`;

export const FUNCTIONS_FSL = `// Defines the \`UserSignup()\` UDF. Unauthenticated users can use
// the UDF to create a \`Customer\` identity document and credential.
@role(server) // Runs with the \`server\` role's privileges
function UserSignup(email, password) {
  // Creates a \`Customer\` collection document.
  // The \`Customer\` document acts as an identity document that
  // represents the end user.
  let customer = Customer.create({
    email: email
  })

  // Creates a credential that associates the
  // \`Customer\` document with an end user's password.
  let credential = Credential.create({
    document: customer,
    password: password
  })

  // Outputs the credential as an object.
  Object.assign({ }, credential)
}

// Defines the \`UserLogin()\` UDF. Unauthenticated users can use the
// UDF to create an token associated with their identity document.
@role("server") // Runs with the \`server\` role's privileges.
function UserLogin(email, password) {
  // Uses the \`Customer\` collection's \`byEmail()\` index to
  // get \`Customer\` collection documents by \`email\` field value.
  let customer = Customer.byEmail(email)?.first()

  // Gets the credential for the above \`Customer\` document and
  // passes it to \`login()\` to create a token that expires in 60 minutes.
  Credential.byDocument(customer)
    ?.login(password, Time.now().add(60, "minutes"))
}

// Defines the \`UserLogout()\` UDF. Authenticated users can use the
// UDF to delete their authentication token.
function UserLogout() {
  // \`Query.token()\` gets the token document for the
  // transaction's authentication token.
  let token = Query.token()

  // Deletes the token document. Deleting a token document
  // invalidates its secret.
  token!.delete()
}
`;

export const ROLES_FSL = `role customer {
  // Assign the \`customer\` role to tokens with
  // an identity document in the \`Customer\` collection.
  membership Customer

  // Grants \`read\` access to \`Store\` collection documents.
  privileges Store {
    read
  }

  // Grants \`read\` access to \`Product\` collection documents.
  privileges Product {
    read
  }

  // Grants the ability to call the \`UserLogout()\` UDF.
  privileges UserLogout {
    call
  }

  // A customer may only read their own identity document.
  privileges Customer {
    read {
      predicate ((doc) => doc == Query.identity())
    }
  }
}

// Defines the \`unauthenticated\` role.
role unauthenticated {
  // Grants the ability to call the \`UserSignup()\` UDF.
  privileges UserSignup {
    call
  }

  // Grants the ability to call the \`UserLogin()\` UDF.
  privileges UserLogin {
    call
  }
}
`;

export const storefrontFiles = (): Map<string, string> =>
  new Map([
    ["collections.fsl", COLLECTIONS_FSL],
    ["functions.fsl", FUNCTIONS_FSL],
    ["roles.fsl", ROLES_FSL],
  ]);
